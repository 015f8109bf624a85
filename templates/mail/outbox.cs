<?cs include!"header.cs" ?>
<?cs include!"mail/part_tabs.cs" ?>
<h1><?cs var:Lang.mail.outbox.title ?></h1>
<form method="get" action="/admin/outbox" class="filters">
  <label for="state"><?cs var:Lang.mail.outbox.state ?></label>
  <select id="state" name="state">
    <option value=""><?cs var:Lang.mail.outbox.all ?></option>
    <?cs each:s = Page.states ?><option value="<?cs var:s ?>"<?cs if:Page.state == s ?> selected<?cs /if ?>><?cs var:Lang.mail.outbox.st[s] ?></option><?cs /each ?>
  </select>
  <button type="submit"><?cs var:Lang.mail.outbox.filter ?></button>
</form>
<?cs if:subcount(Outbox) ?>
<table class="list" id="outbox">
  <thead><tr><th>#</th><th><?cs var:Lang.mail.outbox.created ?></th><th><?cs var:Lang.mail.outbox.kind ?></th><th><?cs var:Lang.mail.outbox.recipient ?></th><th><?cs var:Lang.mail.outbox.channel ?></th><th><?cs var:Lang.mail.outbox.title_col ?></th><th><?cs var:Lang.mail.outbox.state ?></th><th><?cs var:Lang.mail.outbox.attempts ?></th><th><?cs var:Lang.mail.outbox.next ?></th><th><?cs var:Lang.mail.outbox.error ?></th><th></th></tr></thead>
  <tbody><?cs each:m = Outbox ?>
    <tr id="outbox-<?cs var:m.id ?>"><td><?cs var:m.id ?></td><td><?cs var:m.created_at ?></td><td><code class="ident"><?cs var:m.kind ?></code><br><small><?cs var:m.subject ?></small></td><td><?cs var:m.recipient ?></td><td><?cs var:m.channel ?></td><td><?cs var:m.title ?></td>
    <td class="state-<?cs var:m.state ?>"><?cs var:Lang.mail.outbox.st[m.state] ?><?cs if:m.sent_at ?><br><small><?cs var:m.sent_at ?></small><?cs /if ?></td><td><?cs var:m.attempts ?></td><td><?cs if:m.state == "queued" ?><?cs var:m.next_at ?><?cs /if ?></td><td><?cs var:m.error ?></td>
    <td><?cs if:m.can_resend ?><form method="post" action="/admin/outbox/<?cs var:m.id ?>/resend" class="inline"><?cs call:csrf() ?><button type="submit" class="link"><?cs var:Lang.mail.outbox.resend ?></button></form><?cs /if ?></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs if:Page.next_before ?><p><a href="/admin/outbox?state=<?cs var:url_escape(Page.state) ?>&amp;before=<?cs var:Page.next_before ?>"><?cs var:Lang.mail.outbox.older ?></a></p><?cs /if ?>
<?cs else ?><p class="empty"><?cs var:Lang.mail.outbox.none ?></p><?cs /if ?>
<?cs include!"footer.cs" ?>
