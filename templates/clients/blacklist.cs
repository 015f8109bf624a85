<?cs include!"header.cs" ?>
<h1><?cs var:Lang.client.blacklist_title ?></h1>
<nav class="tabs">
  <a href="/blacklist?list=company"<?cs if:Filter.list == "company" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.client.blacklisted.company ?></a>
  <a href="/blacklist?list=department"<?cs if:Filter.list == "department" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.client.blacklisted.department ?> · <?cs if:Filter.all_depts ?><?cs var:Lang.client.blacklist_all_depts ?><?cs else ?><?cs var:User.dept ?><?cs /if ?></a>
</nav>
<p class="hint"><?cs var:Lang.client.blacklist_hint ?></p>
<?cs if:subcount(Black) ?>
<table class="list">
  <thead><tr><th><?cs var:Lang.client.f.name ?></th><th><?cs var:Lang.client.blacklist_reason ?></th><th><?cs var:Lang.client.department ?></th><th><?cs var:Lang.client.updated_at ?></th></tr></thead>
  <tbody><?cs each:b = Black ?><tr><td><?cs if:b.may_open ?><a href="/clients/<?cs var:b.id ?>"><?cs var:b.name ?></a><?cs else ?><?cs var:b.name ?><?cs /if ?></td><td><?cs var:b.reason ?></td><td><?cs var:b.dept ?></td><td><?cs var:b.since ?></td></tr><?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.client.blacklist_none ?></p><?cs /if ?>
<nav class="pager"><?cs if:Page.next_before ?><a href="/blacklist?list=<?cs var:Filter.list ?>&amp;before=<?cs var:Page.next_before ?>"><?cs var:Lang.admin.next_page ?></a><?cs /if ?></nav>
<?cs include!"footer.cs" ?>
