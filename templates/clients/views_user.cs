<?cs include!"header.cs" ?>
<h1><?cs var:Lang.views.user_title ?><?cs if:Person.name ?>: <?cs var:Person.name ?><?cs /if ?></h1>
<form method="get" action="/admin/views" class="filters">
  <label><?cs var:Lang.views.person ?> <select name="user">
    <option value=""><?cs var:Lang.views.choose ?></option>
    <?cs each:u = Users ?><option value="<?cs var:u.id ?>"<?cs if:Form.values.user == u.id ?> selected<?cs /if ?>><?cs var:u.name ?><?cs if:u.dept ?> (<?cs var:u.dept ?>)<?cs /if ?></option><?cs /each ?>
  </select></label>
  <label><?cs var:Lang.views.from ?> <input type="date" name="from" value="<?cs var:Form.values.from ?>"></label>
  <label><?cs var:Lang.views.to ?> <input type="date" name="to" value="<?cs var:Form.values.to ?>"></label>
  <label><?cs var:Lang.views.kind ?> <select name="kind">
    <option value=""><?cs var:Lang.views.kind_any ?></option>
    <option value="grant"<?cs if:Form.values.kind == "grant" ?> selected<?cs /if ?>><?cs var:Lang.views.kind.grant ?></option>
    <option value="denied"<?cs if:Form.values.kind == "denied" ?> selected<?cs /if ?>><?cs var:Lang.views.kind.denied ?></option>
  </select></label>
  <button type="submit"><?cs var:Lang.views.filter ?></button>
  <?cs call:error_for("user") ?><?cs call:error_for("from") ?><?cs call:error_for("to") ?><?cs call:error_for("kind") ?>
</form>
<?cs if:Person.id && !Form.invalid ?>
<p><a class="button" href="/admin/views.csv?<?cs var:Filter.query ?>"><?cs var:Lang.views.export ?></a></p>
<?cs if:subcount(Views) ?>
<table class="list" id="views">
  <thead><tr><th><?cs var:Lang.views.id ?></th><th><?cs var:Lang.views.at ?></th><th><?cs var:Lang.client.code ?></th><th><?cs var:Lang.views.client ?></th><th><?cs var:Lang.views.via ?></th><th><?cs var:Lang.views.page_col ?></th></tr></thead>
  <tbody>
  <?cs each:v = Views ?>
    <tr data-id="<?cs var:v.id ?>"<?cs if:v.via == "denied" ?> class="denied"<?cs /if ?>><td><?cs var:v.id ?></td><td class="nowrap"><?cs var:v.at ?></td><td><?cs var:v.client_code ?></td><td><?cs var:v.client_name ?></td><td><?cs var:v.via_label ?></td><td><?cs var:v.page_label ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.views.none ?></p><?cs /if ?>
<nav class="pager"><?cs if:Page.next_before ?><a href="/admin/views?<?cs var:Filter.query ?>&amp;before=<?cs var:Page.next_before ?>"><?cs var:Lang.views.next_page ?></a><?cs /if ?></nav>
<?cs /if ?>
<?cs include!"footer.cs" ?>
