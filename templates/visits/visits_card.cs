<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a> › <a href="/clients/<?cs var:Card.id ?>"><?cs var:Card.name ?></a></p>
<div class="page-head">
  <h1><?cs var:Lang.visit.title ?> <small><?cs var:Card.name ?></small></h1>
  <?cs if:Can.record ?><div><a class="button primary" href="/clients/<?cs var:Card.id ?>/visits/new"><?cs var:Lang.visit.new ?></a></div><?cs /if ?>
</div>
<p><?cs var:Lang.client.next_visit ?>: <strong><?cs alt:Card.next_visit_due ?>—<?cs /alt ?></strong></p>
<?cs if:subcount(Visits) ?><?cs include!"visits/part_visits_table.cs" ?><?cs else ?><p class="empty"><?cs var:Lang.visit.none ?></p><?cs /if ?>
<?cs if:Page.next_before ?><nav class="pager"><a href="/clients/<?cs var:Card.id ?>/visits"><?cs var:Lang.visit.newest ?></a> <a rel="next" href="/clients/<?cs var:Card.id ?>/visits?before=<?cs var:Page.next_before ?>&amp;before_key=<?cs var:Page.next_key ?>"><?cs var:Lang.visit.older ?></a></nav><?cs /if ?>
<?cs include!"footer.cs" ?>
