<?cs include!"header.cs" ?>
<div class="page-head">
  <h1><?cs var:Lang.client.list_title ?></h1>
  <div><?cs if:User.roles.dept_manager || User.roles.director || User.roles.gm || User.roles.deputy_gm ?><a class="button" href="/clients/deleted"><?cs var:Lang.client.deleted_title ?></a> <a class="button" href="/clients/unserved"><?cs var:Lang.unserved.title ?></a> <?cs /if ?><a class="button" href="/clients/import"><?cs var:Lang.client.import_link ?></a>
  <a class="button primary" href="/clients/new"><?cs var:Lang.client.new_title ?></a></div>
</div>
<form method="get" action="/clients" class="search">
  <label for="q" class="sr"><?cs var:Lang.client.search ?></label>
  <input type="search" id="q" name="q" value="<?cs var:Filter.q ?>" maxlength="100" placeholder="<?cs var:Lang.client.search_placeholder ?>">
  <button type="submit"><?cs var:Lang.client.search ?></button>
</form>
<?cs if:!Page.searching ?>
<form method="get" action="/clients" class="filters">
  <label><?cs var:Lang.client.f.grade_id ?> <select name="grade"><option value=""><?cs var:Lang.client.any ?></option><?cs each:c = Choices.grade ?><option value="<?cs var:c.id ?>"<?cs if:Filter.grade == c.id ?> selected<?cs /if ?>><?cs var:c.label ?></option><?cs /each ?></select></label>
  <label><?cs var:Lang.client.f.nature_id ?> <select name="nature"><option value=""><?cs var:Lang.client.any ?></option><?cs each:c = Choices.nature ?><option value="<?cs var:c.id ?>"<?cs if:Filter.nature == c.id ?> selected<?cs /if ?>><?cs var:c.label ?></option><?cs /each ?></select></label>
  <label><?cs var:Lang.client.f.lifecycle ?> <select name="lifecycle"><option value=""><?cs var:Lang.client.any ?></option><?cs each:c = Lang.client.opt.lifecycle ?><option value="<?cs name:c ?>"<?cs if:Filter.lifecycle == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select></label>
  <label><?cs var:Lang.client.f.region_id ?> <select name="region"><option value=""><?cs var:Lang.client.any ?></option><?cs each:c = Choices.region ?><option value="<?cs var:c.id ?>"<?cs if:Filter.region == c.id ?> selected<?cs /if ?>><?cs var:c.label ?></option><?cs /each ?></select></label>
  <label><?cs var:Lang.client.blacklist ?> <select name="blacklist"><option value=""><?cs var:Lang.client.any ?></option><?cs each:c = Lang.client.opt.blacklist ?><option value="<?cs name:c ?>"<?cs if:Filter.blacklist == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select></label>
  <label><?cs var:Lang.client.f.tags ?> <input type="text" name="tag" value="<?cs var:Filter.tag ?>" maxlength="30" size="8"></label>
  <label><?cs var:Lang.client.next_visit ?> <select name="due"><option value=""><?cs var:Lang.client.any ?></option><option value="overdue"<?cs if:Filter.due == "overdue" ?> selected<?cs /if ?>><?cs var:Lang.client.overdue_only ?></option><option value="week"<?cs if:Filter.due == "week" ?> selected<?cs /if ?>><?cs var:Lang.client.due_this_week ?></option></select></label>
  <label><?cs var:Lang.client.sort ?> <select name="sort"><?cs each:c = Lang.client.opt.sort ?><option value="<?cs name:c ?>"<?cs if:Filter.sort == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select></label>
  <?cs call:person_field("owner", Lang.client.owner) ?>
  <?cs if:Filter.dept ?><input type="hidden" name="dept" value="<?cs var:Filter.dept ?>"><?cs /if ?>
  <button type="submit"><?cs var:Lang.admin.filter ?></button>
  <a href="/clients?owner=<?cs var:User.id ?>"><?cs var:Lang.client.mine ?></a>
</form>
<?cs /if ?>
<?cs if:Page.search_hint ?><p class="hint"><?cs var:Page.search_hint ?></p><?cs /if ?>
<?cs if:Page.count_total ?><p class="list-count" id="list-count"><?cs if:Page.hits ?><?cs var:Lang.client.hits ?> <strong id="hit-count"><?cs if:Page.count_more ?><?cs var:Lang.client.count_more ?> <?cs var:Page.count_cap ?><?cs else ?><?cs var:Page.count_total ?><?cs /if ?></strong> · <?cs /if ?><?cs var:Page.count_first ?>–<?cs var:Page.count_last ?> <?cs var:Lang.client.count_of ?> <?cs if:Page.count_more ?><?cs var:Lang.client.count_more ?> <?cs var:Page.count_cap ?><?cs else ?><?cs var:Page.count_total ?><?cs /if ?></p><?cs /if ?>
<?cs if:subcount(Clients) ?>
<table class="list clients">
  <thead><tr><th><?cs var:Lang.client.f.name ?></th><th><?cs var:Lang.client.f.grade_id ?></th><th><?cs var:Lang.client.f.lifecycle ?></th><th><?cs var:Lang.client.f.region_id ?></th><th><?cs var:Lang.client.owner ?></th><th><?cs var:Lang.client.next_visit ?></th><th><?cs var:Lang.client.registered_at ?></th></tr></thead>
  <tbody>
  <?cs each:c = Clients ?>
  <?cs if:c.stub ?>
    <tr class="stub"><td><?cs var:c.name ?> <span class="tag"><?cs var:Lang.client.restricted ?></span></td><td colspan="3"><a class="button small" href="/clients/<?cs var:c.id ?>"><?cs var:Lang.client.request_access ?></a></td><td><?cs var:c.owner ?></td><td></td><td><?cs var:c.registered ?></td></tr>
  <?cs else ?>
    <tr<?cs if:c.blacklist != "none" ?> class="blacklisted"<?cs /if ?>>
      <td><a href="/clients/<?cs var:c.id ?>"><?cs var:c.name ?></a><?cs if:c.blacklist != "none" ?> <span class="tag bad"><?cs var:Lang.client.blacklisted[c.blacklist] ?></span><?cs /if ?><br><small><?cs var:c.type ?><?cs if:c.nature ?> · <?cs var:c.nature ?><?cs /if ?></small></td>
      <td><?cs var:c.grade ?></td><td><?cs var:c.lifecycle ?></td><td><?cs var:c.region ?></td>
      <td><?cs var:c.owner ?><br><small><?cs var:c.dept ?></small></td>
      <td<?cs if:c.overdue ?> class="overdue"<?cs /if ?>><?cs var:c.next_visit ?></td><td><?cs var:c.registered ?></td>
    </tr>
  <?cs /if ?>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.client.none ?></p><?cs /if ?>
<nav class="pager">
<?cs if:Page.searching ?>
  <?cs if:Page.prev ?><a rel="prev" href="/clients?q=<?cs var:url_escape(Filter.q) ?>&amp;<?cs var:Page.prev ?>"><?cs var:Lang.client.prev_page ?></a><?cs /if ?>
  <?cs if:Page.next ?><a rel="next" href="/clients?q=<?cs var:url_escape(Filter.q) ?>&amp;<?cs var:Page.next ?>"><?cs var:Lang.admin.next_page ?></a><?cs /if ?>
<?cs else ?>
  <?cs set:qs = "grade=" + Filter.grade + "&nature=" + Filter.nature + "&lifecycle=" + Filter.lifecycle + "&region=" + Filter.region + "&blacklist=" + Filter.blacklist + "&sort=" + Filter.sort + "&owner=" + Filter.owner + "&dept=" + Filter.dept ?>
  <?cs if:Page.paged ?><a href="/clients?<?cs var:qs ?>&amp;tag=<?cs var:url_escape(Filter.tag) ?>&amp;due=<?cs var:Filter.due ?>"><?cs var:Lang.admin.first_page ?></a><?cs /if ?>
  <a href="/clients/export.csv?<?cs var:qs ?>&amp;tag=<?cs var:url_escape(Filter.tag) ?>&amp;due=<?cs var:Filter.due ?>"><?cs var:Lang.client.export ?></a>
  <?cs if:Page.prev_before ?><a rel="prev" href="/clients?<?cs var:qs ?>&amp;tag=<?cs var:url_escape(Filter.tag) ?>&amp;due=<?cs var:Filter.due ?>&amp;before=<?cs var:Page.prev_before ?>&amp;before_key=<?cs var:url_escape(Page.prev_key) ?>&amp;from=<?cs var:Page.prev_from ?>"><?cs var:Lang.client.prev_page ?></a><?cs /if ?>
  <?cs if:Page.next_after ?><a rel="next" href="/clients?<?cs var:qs ?>&amp;tag=<?cs var:url_escape(Filter.tag) ?>&amp;due=<?cs var:Filter.due ?>&amp;after=<?cs var:Page.next_after ?>&amp;after_key=<?cs var:url_escape(Page.next_key) ?>&amp;from=<?cs var:Page.next_from ?>"><?cs var:Lang.admin.next_page ?></a><?cs /if ?>
<?cs /if ?>
</nav>
<?cs include!"footer.cs" ?>
