<?cs include!"header.cs" ?>
<h1><?cs var:Lang.admin.audit.title ?></h1>
<form method="get" action="/admin/audit" class="filters">
  <label><?cs var:Lang.admin.audit.action ?> <select name="action">
    <option value=""><?cs var:Lang.admin.audit.any_action ?></option>
    <?cs each:g = Lang.audit_action ?><?cs if:subcount(g) ?><?cs each:x = g ?><?cs set:v = name(g) + "." + name(x) ?>
    <option value="<?cs var:v ?>"<?cs if:Filter.action == v ?> selected<?cs /if ?>><?cs var:x ?></option><?cs /each ?><?cs else ?>
    <option value="<?cs var:name(g) ?>"<?cs if:Filter.action == name(g) ?> selected<?cs /if ?>><?cs var:g ?></option><?cs /if ?><?cs /each ?>
  </select></label>
  <label><?cs var:Lang.admin.audit.actor ?> <input type="text" name="actor" value="<?cs var:Filter.actor ?>" maxlength="64"></label>
  <button type="submit"><?cs var:Lang.admin.filter ?></button>
</form>
<?cs if:subcount(Audit) ?>
<table class="list">
  <thead><tr><th><?cs var:Lang.admin.audit.at ?></th><th><?cs var:Lang.admin.audit.actor ?></th><th><?cs var:Lang.admin.audit.action ?></th><th><?cs var:Lang.admin.audit.object ?></th><th><?cs var:Lang.admin.audit.detail ?></th><th><?cs var:Lang.admin.audit.addr ?></th></tr></thead>
  <tbody>
  <?cs each:a = Audit ?>
    <tr><td class="nowrap"><?cs var:a.at ?></td><td><?cs var:a.actor ?></td>
      <td><?cs alt:Lang.audit_action[a.action] ?><?cs var:a.action ?><?cs /alt ?></td>
      <td><?cs var:a.object_type ?><?cs if:a.object_id ?> #<?cs var:a.object_id ?><?cs /if ?></td>
      <td class="detail"><?cs var:a.detail ?></td><td><?cs var:a.addr ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.admin.audit.none ?></p><?cs /if ?>
<nav class="pager">
  <?cs if:Page.next_before ?><a href="/admin/audit?action=<?cs var:url_escape(Filter.action) ?>&amp;actor=<?cs var:url_escape(Filter.actor) ?>&amp;before=<?cs var:Page.next_before ?>"><?cs var:Lang.admin.next_page ?></a><?cs /if ?>
</nav>
<?cs include!"footer.cs" ?>
