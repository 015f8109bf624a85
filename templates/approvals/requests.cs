<?cs include!"header.cs" ?>
<nav class="tabs" aria-label="<?cs var:Lang.nav.requests ?>">
  <a href="/requests/inbox"<?cs if:Page.tab == "inbox" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.request.inbox ?><?cs if:Nav.inbox_count > 0 ?> <span class="count"><?cs var:Nav.inbox_count ?></span><?cs /if ?></a>
  <a href="/requests"<?cs if:Page.tab == "mine" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.request.mine ?></a>
  <a href="/delegations"><?cs var:Lang.delegation.title ?></a>
</nav>
<h1><?cs var:Page.title ?></h1>
<?cs if:Page.tab == "inbox" ?>
<?cs if:subcount(Delegators) ?><p class="hint"><?cs var:Lang.request.deciding_for ?> <?cs each:d = Delegators ?><strong><?cs var:d ?></strong> <?cs /each ?></p><?cs /if ?>
<form method="get" action="/requests/inbox" class="filters">
  <label><?cs var:Lang.request.type ?> <select name="type"><option value=""><?cs var:Lang.request.all_filter ?></option><?cs each:t = Lang.request.types ?><option value="<?cs name:t ?>"<?cs if:Filter.type == name(t) ?> selected<?cs /if ?>><?cs var:t ?></option><?cs /each ?></select></label>
  <button type="submit"><?cs var:Lang.request.filter ?></button>
</form>
<?cs /if ?>
<?cs if:Batch.done ?><div class="flash" role="status" id="batch-result"><p><?cs var:Lang.request.batch_approved ?> <strong id="batch-approved"><?cs var:Batch.approved ?></strong></p>
<?cs if:Batch.refused_count > 0 ?><p><?cs var:Lang.request.batch_refused ?></p><ul><?cs each:b = Batch.refused ?><li><a href="/requests/<?cs var:b.id ?>">#<?cs var:b.id ?></a>: <?cs var:b.why ?></li><?cs /each ?></ul><?cs /if ?></div><?cs /if ?>
<?cs if:Page.count_total ?><p class="list-count" id="list-count"><?cs var:Page.count_first ?>–<?cs var:Page.count_last ?> <?cs var:Lang.request.count_of ?> <?cs if:Page.count_more ?><?cs var:Lang.request.count_more ?> <?cs var:Page.count_cap ?><?cs else ?><?cs var:Page.count_total ?><?cs /if ?></p><?cs /if ?>
<?cs if:subcount(Requests) ?>
<table class="list requests">
  <thead><tr><?cs if:Page.tab == "inbox" ?><th><?cs var:Lang.request.pick ?></th><?cs /if ?><th>#</th><th><?cs var:Lang.request.type ?></th><th><?cs var:Lang.request.client ?></th><th><?cs var:Lang.request.change ?></th>
  <?cs if:Page.tab == "inbox" ?><th><?cs var:Lang.request.requester ?></th><th><?cs var:Lang.request.reason ?></th><th><?cs var:Lang.request.age ?></th>
  <th><?cs var:Lang.request.decision ?></th>
  <?cs else ?><th><?cs var:Lang.request.status ?></th><th><?cs var:Lang.request.created_at ?></th><th><?cs var:Lang.request.decided_at ?></th><?cs /if ?></tr></thead>
  <tbody>
  <?cs each:q = Requests ?>
  <tr<?cs if:Page.tab == "inbox" ?> id="row-<?cs var:q.id ?>"<?cs /if ?>>
    <?cs if:Page.tab == "inbox" ?><td><input type="checkbox" form="batch" name="pick" value="<?cs var:q.id ?>.<?cs var:q.step ?>" aria-label="<?cs var:Lang.request.pick ?> #<?cs var:q.id ?>"></td><?cs /if ?>
    <td><a href="/requests/<?cs var:q.id ?>">#<?cs var:q.id ?></a></td>
    <td><?cs var:Lang.request.types[q.type] ?><?cs if:q.for ?> <span class="tag"><?cs var:Lang.request.for_delegator ?></span><?cs /if ?></td>
    <td><?cs var:q.client ?></td>
    <td><?cs if:q.field_label ?><?cs var:q.field_label ?>: <?cs alt:q.old ?>—<?cs /alt ?> → <strong><?cs var:q.new ?></strong><?cs /if ?></td>
    <?cs if:Page.tab == "inbox" ?>
    <td><?cs var:q.requester ?></td><td class="longtext"><?cs var:q.reason ?></td><td<?cs if:q.age_old ?> class="overdue"<?cs /if ?>><?cs var:q.age ?></td>
    <td><form method="post" action="/requests/<?cs var:q.id ?>/decide" class="row-decide<?cs if:Inbox.failed == q.id ?> invalid<?cs /if ?>">
      <?cs call:csrf() ?><input type="hidden" name="back" value="inbox"><input type="hidden" name="step" value="<?cs var:q.step ?>">
      <span class="hint"><?cs var:Lang.request.step ?> <?cs var:q.step ?></span>
      <button type="submit" name="decision" value="approve" class="primary"><?cs var:Lang.request.approve ?></button>
      <input type="text" name="comment" maxlength="1000" aria-label="<?cs var:Lang.request.comment ?>" placeholder="<?cs var:Lang.request.comment_hint ?>"<?cs if:Inbox.failed == q.id ?> value="<?cs var:Form.values.comment ?>"<?cs /if ?>>
      <button type="submit" name="decision" value="reject"><?cs var:Lang.request.reject ?></button>
      <?cs if:Inbox.failed == q.id ?><?cs call:error_for("comment") ?><?cs /if ?>
    </form></td>
    <?cs else ?>
    <td><span class="status <?cs var:q.status ?>"><?cs var:Lang.request.st[q.status] ?></span><?cs if:q.grant_until ?> <small class="grant">(<?cs var:Lang.request.grant_until ?> <?cs var:q.grant_until ?>)</small><?cs elif:q.grant_ended ?> <small class="grant">(<?cs var:Lang.request.grant_ended ?>)</small><?cs /if ?></td><td><?cs var:q.created_at ?></td><td><?cs var:q.decided_at ?></td>
    <?cs /if ?>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:Page.tab == "inbox" ?><form method="post" action="/requests/inbox" id="batch"><?cs call:csrf() ?><button type="submit"><?cs var:Lang.request.approve_picked ?></button></form><?cs /if ?>
<?cs else ?><p class="empty"><?cs var:Lang.request.none ?></p><?cs /if ?>
<?cs if:Page.next_before || Page.prev_after ?><nav class="pager">
<?cs if:Page.prev_after ?><a rel="prev" href="<?cs if:Page.tab == "inbox" ?>/requests/inbox?type=<?cs var:url_escape(Filter.type) ?>&amp;<?cs else ?>/requests?<?cs /if ?>after=<?cs var:Page.prev_after ?>&amp;from=<?cs var:Page.prev_from ?>"><?cs var:Lang.request.prev_page ?></a><?cs /if ?>
<?cs if:Page.next_before ?><a rel="next" href="<?cs if:Page.tab == "inbox" ?>/requests/inbox?type=<?cs var:url_escape(Filter.type) ?>&amp;<?cs else ?>/requests?<?cs /if ?>before=<?cs var:Page.next_before ?>&amp;from=<?cs var:Page.next_from ?>"><?cs var:Lang.request.next_page ?></a><?cs /if ?>
</nav><?cs /if ?>
<?cs include!"footer.cs" ?>
