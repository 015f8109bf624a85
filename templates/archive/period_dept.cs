<?cs include!"header.cs" ?>
<?cs set:Page.tab = "periods" ?><?cs include!"archive/tabs.cs" ?>
<p class="crumbs screen-only"><a href="/archive/periods?start=<?cs var:url_escape(Period.start) ?>"><?cs var:Lang.archive.periods ?> <?cs var:Period.start ?></a></p>
<h1><?cs var:Dept.name ?> <small><?cs var:Period.start ?> – <?cs var:Lang.archive.period_kind[Period.kind] ?></small></h1>
<?cs def:items(list, id) ?><?cs if:subcount(list) ?><table class="list compact" id="<?cs var:id ?>">
  <thead><tr><th><?cs var:Lang.archive.f.no ?></th><th><?cs var:Lang.archive.f.title ?></th><th><?cs var:Lang.archive.f.client ?></th><th><?cs var:Lang.archive.f.status ?></th><th><?cs var:Lang.archive.f.place ?></th></tr></thead>
  <tbody><?cs each:i = list ?><tr><td><a href="/archive/items/<?cs var:i.id ?>"><?cs var:i.no ?></a></td><td><?cs var:i.title ?></td><td><?cs var:i.client ?></td><td><?cs var:Lang.archive.status[i.status] ?></td><td><?cs var:i.place ?></td></tr><?cs /each ?></tbody>
</table><?cs else ?><p class="empty"><?cs var:Lang.archive.period_none ?></p><?cs /if ?><?cs /def ?>
<section><h2><?cs var:Lang.archive.period_filed ?></h2><?cs call:items(Filed, "filed") ?></section>
<section><h2><?cs var:Lang.archive.period_placed ?></h2><?cs call:items(Placed, "placed") ?></section>
<section><h2><?cs var:Lang.archive.period_waiting ?></h2><?cs call:items(Waiting, "waiting") ?></section>
<section><h2><?cs var:Lang.archive.period_missing ?> (<?cs var:Period.filing_year ?>): <?cs var:Dept.missing ?></h2>
<?cs if:subcount(Missing) ?><ul id="missing"><?cs each:c = Missing ?><li><a href="/clients/<?cs var:c.id ?>"><?cs var:c.name ?></a></li><?cs /each ?></ul><?cs if:Dept.missing_more ?><p class="hint"><?cs var:Lang.archive.period_more ?></p><?cs /if ?><?cs else ?><p class="empty"><?cs var:Lang.archive.period_none ?></p><?cs /if ?>
</section>
<?cs include!"footer.cs" ?>
