<?cs include!"header.cs" ?>
<nav class="tabs" aria-label="<?cs var:Lang.nav.complaints ?>">
  <?cs if:Can.all ?><a href="/complaints"<?cs if:!Page.mine ?> aria-current="page"<?cs /if ?>><?cs var:Lang.complaint.open_all ?></a><?cs /if ?>
  <a href="/complaints?mine=1"<?cs if:Page.mine ?> aria-current="page"<?cs /if ?>><?cs var:Lang.complaint.open_mine ?></a>
  <?cs if:Can.all ?><a href="/surveys"><?cs var:Lang.survey.stats ?></a><?cs /if ?>
</nav>
<h1><?cs var:Lang.complaint.list ?></h1>
<p class="hint"><?cs var:Lang.complaint.list_hint ?></p>
<?cs if:Page.near ?><p class="filter-note" id="near-note"><?cs var:Lang.complaint.near_only ?> <?cs var:Page.near_by ?> · <a href="/complaints<?cs if:Page.mine ?>?mine=1<?cs /if ?>"><?cs var:Lang.complaint.near_all ?></a></p><?cs /if ?>
<?cs if:subcount(Complaints) ?>
<table class="list" id="complaints">
  <thead><tr><th>#</th><th><?cs var:Lang.client.f.name ?></th><th><?cs var:Lang.complaint.f.content ?></th><th><?cs var:Lang.complaint.f.status ?></th><th><?cs var:Lang.complaint.due_on ?></th><th><?cs var:Lang.complaint.f.assignee ?></th></tr></thead>
  <tbody><?cs each:k = Complaints ?>
    <tr><td><a href="/complaints/<?cs var:k.id ?>">#<?cs var:k.id ?></a></td><td><a href="/clients/<?cs var:k.client_id ?>"><?cs var:k.client_name ?></a></td>
    <td><?cs if:k.urgent == "1" ?><span class="tag late"><?cs var:Lang.complaint.urgencies.urgent ?></span> <?cs /if ?><?cs var:k.content ?></td>
    <td><?cs var:Lang.complaint.st[k.status] ?></td><td class="nowrap<?cs if:k.overdue ?> overdue<?cs /if ?>"><?cs var:k.due_on ?></td><td><?cs alt:k.assignee ?>—<?cs /alt ?></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.complaint.none_open ?></p><?cs /if ?>
<?cs if:Page.next_after ?><nav class="pager"><a href="/complaints?<?cs if:Page.mine ?>mine=1&amp;<?cs /if ?><?cs if:Page.near ?>near=1<?cs /if ?>"><?cs var:Lang.unserved.first_page ?></a> <a rel="next" href="/complaints?<?cs if:Page.mine ?>mine=1&amp;<?cs /if ?><?cs if:Page.near ?>near=1&amp;<?cs /if ?>after=<?cs var:Page.next_after ?>&amp;after_key=<?cs var:Page.next_key ?>"><?cs var:Lang.request.next_page ?></a></nav><?cs /if ?>
<?cs include!"footer.cs" ?>
