<?cs include!"header.cs" ?>
<div class="page-head">
  <h1><?cs var:Lang.admin.users.title ?></h1>
  <a class="button primary" href="/admin/users/new"><?cs var:Lang.admin.users.new ?></a>
</div>
<form method="get" action="/admin/users" class="filters">
  <label><?cs var:Lang.admin.users.search ?> <input type="search" name="q" value="<?cs var:Filter.q ?>" maxlength="100"></label>
  <label><?cs var:Lang.admin.users.department ?>
    <select name="dept"><option value=""><?cs var:Lang.admin.users.all_departments ?></option>
    <?cs each:d = Depts ?><option value="<?cs var:d.id ?>"<?cs if:d.id == Filter.dept ?> selected<?cs /if ?>><?cs var:d.label ?></option><?cs /each ?>
    </select></label>
  <label class="check"><input type="checkbox" name="disabled" value="1"<?cs if:Filter.disabled ?> checked<?cs /if ?>> <?cs var:Lang.admin.users.show_disabled ?></label>
  <button type="submit"><?cs var:Lang.admin.filter ?></button>
</form>
<?cs if:subcount(Users) ?>
<table class="list">
  <thead><tr>
    <th><?cs var:Lang.admin.users.username ?></th><th><?cs var:Lang.admin.users.display_name ?></th>
    <th><?cs var:Lang.admin.users.department ?></th><th><?cs var:Lang.admin.users.roles ?></th>
    <th><?cs var:Lang.admin.users.state ?></th>
  </tr></thead>
  <tbody>
  <?cs each:u = Users ?>
    <tr<?cs if:u.disabled == "1" ?> class="disabled"<?cs /if ?>>
      <td><a href="/admin/users/<?cs var:u.id ?>"><?cs var:u.username ?></a></td>
      <td class="user-name"><?cs var:u.display_name ?></td>
      <td><?cs var:u.dept_name ?></td>
      <td><?cs each:l = u.role_labels ?><span class="tag"><?cs var:l ?></span> <?cs /each ?></td>
      <td><?cs if:u.disabled == "1" ?><?cs var:Lang.admin.users.disabled ?><?cs elif:u.must_change_password == "1" ?><?cs var:Lang.admin.users.must_change ?><?cs else ?><?cs var:Lang.admin.users.active ?><?cs /if ?></td>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.admin.users.none ?></p><?cs /if ?>
<nav class="pager">
  <?cs if:Page.paged ?><a href="/admin/users?q=<?cs var:url_escape(Filter.q) ?>&amp;dept=<?cs var:Filter.dept ?><?cs if:Filter.disabled ?>&amp;disabled=1<?cs /if ?>"><?cs var:Lang.admin.first_page ?></a><?cs /if ?>
  <?cs if:Page.next_after ?><a href="/admin/users?q=<?cs var:url_escape(Filter.q) ?>&amp;dept=<?cs var:Filter.dept ?><?cs if:Filter.disabled ?>&amp;disabled=1<?cs /if ?>&amp;after=<?cs var:url_escape(Page.next_after) ?>"><?cs var:Lang.admin.next_page ?></a><?cs /if ?>
</nav>
<?cs include!"footer.cs" ?>
