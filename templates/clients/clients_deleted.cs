<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a></p>
<h1><?cs var:Lang.client.deleted_title ?></h1>
<p class="hint"><?cs var:Lang.client.deleted_hint ?></p>
<?cs if:subcount(Deleted) ?>
<table class="list">
  <thead><tr><th><?cs var:Lang.client.f.name ?></th><th><?cs var:Lang.client.owner ?></th><th><?cs var:Lang.client.deleted_at ?></th><th><?cs var:Lang.client.purge_on ?></th><th></th></tr></thead>
  <tbody><?cs each:d = Deleted ?>
    <tr><td><?cs var:d.name ?></td><td><?cs var:d.owner ?><br><small><?cs var:d.dept ?></small></td><td><?cs var:d.deleted_at ?></td><td><?cs var:d.purge_on ?></td>
    <td><form method="post" action="/clients/<?cs var:d.id ?>/restore" class="inline"><?cs call:csrf() ?><button type="submit"><?cs var:Lang.client.restore ?></button></form></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.client.none ?></p><?cs /if ?>
<?cs include!"footer.cs" ?>
