<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a></p>
<h1><?cs var:Lang.unserved.title ?></h1>
<p class="hint"><?cs var:Page.hint ?></p>
<?cs if:Page.count_total ?><p class="list-count" id="list-count"><?cs var:Page.count_first ?>–<?cs var:Page.count_last ?> <?cs var:Lang.client.count_of ?> <?cs if:Page.count_more ?><?cs var:Lang.client.count_more ?> <?cs var:Page.count_cap ?><?cs else ?><?cs var:Page.count_total ?><?cs /if ?></p><?cs /if ?>
<?cs if:subcount(Unserved) ?>
<table class="list" id="unserved">
  <thead><tr><th><?cs var:Lang.client.f.name ?></th><th><?cs var:Lang.client.f.lifecycle ?></th><th><?cs var:Lang.client.owner ?></th><th><?cs var:Lang.unserved.since ?></th><th></th></tr></thead>
  <tbody><?cs each:c = Unserved ?>
    <tr><td><a href="/clients/<?cs var:c.id ?>"><?cs var:c.name ?></a></td><td><?cs var:Lang.client.opt.lifecycle[c.lifecycle] ?></td>
    <td><?cs var:c.owner ?><br><small><?cs var:c.dept ?></small></td><td><?cs var:c.since ?></td>
    <td><?cs if:c.pending ?><a href="/requests/<?cs var:c.pending ?>"><?cs var:Lang.unserved.pending ?> #<?cs var:c.pending ?></a><?cs else ?><a class="button small" href="/clients/<?cs var:c.id ?>/request?kind=reassign"><?cs var:Lang.unserved.reassign ?></a><?cs /if ?></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.unserved.empty ?></p><?cs /if ?>
<?cs if:Page.first || Page.next_after ?><nav class="pager">
  <?cs if:Page.first ?><a href="/clients/unserved"><?cs var:Lang.unserved.first_page ?></a><?cs /if ?>
  <?cs if:Page.next_after ?><a rel="next" href="/clients/unserved?after=<?cs var:Page.next_after ?>&amp;after_key=<?cs var:Page.next_key ?>&amp;from=<?cs var:Page.next_from ?>"><?cs var:Lang.request.next_page ?></a><?cs /if ?>
</nav><?cs /if ?>
<?cs include!"footer.cs" ?>
