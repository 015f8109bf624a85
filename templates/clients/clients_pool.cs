<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a></p>
<h1><?cs var:Lang.pool.title ?> <small><?cs var:User.dept ?></small></h1>
<p class="hint"><?cs var:Lang.pool.hint ?></p>
<?cs if:Page.limit_reached ?><p class="alert"><?cs var:Lang.pool.limit_reached ?> (<?cs var:Page.limit ?>)</p><?cs /if ?>
<?cs if:subcount(Pool) ?>
<table class="list">
  <thead><tr><th><?cs var:Lang.client.f.name ?></th><th><?cs var:Lang.pool.previous_owner ?></th><th><?cs var:Lang.pool.since ?></th><th><?cs var:Lang.client.registered_at ?></th><th></th></tr></thead>
  <tbody><?cs each:p = Pool ?>
    <tr><td><a href="/clients/<?cs var:p.id ?>"><?cs var:p.name ?></a></td><td><?cs var:p.owner ?></td><td><?cs var:p.pool_since ?></td><td><?cs var:p.registered_at ?></td>
    <td><?cs if:!Page.limit_reached ?><a href="/clients/<?cs var:p.id ?>/request?kind=takeover"><?cs var:Lang.request.kind.takeover ?></a><?cs /if ?></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.pool.empty ?></p><?cs /if ?>
<?cs if:Page.next_before ?><nav class="pager"><a href="/clients/pool?before=<?cs var:Page.next_before ?>"><?cs var:Lang.request.next_page ?></a></nav><?cs /if ?>
<?cs include!"footer.cs" ?>
