<?cs include!"header.cs" ?>
<article class="print-card">
<p class="crumbs screen-only"><a href="/clients/<?cs var:Volume.client_id ?>"><?cs var:Volume.client ?></a></p>
<h1><?cs var:Lang.archive.catalogue ?> <?cs var:Volume.no ?> <small><?cs var:Volume.client ?> · <?cs var:Volume.year ?></small></h1>
<p class="screen-only hint"><?cs var:Lang.archive.print_hint ?></p>
<p class="screen-only"><a class="button" href="/archive/labels?volume=<?cs var:Volume.id ?>"><?cs var:Lang.archive.label ?></a><?cs if:subcount(Items) ?> <a class="button" href="/archive/labels?items=<?cs each:i = Items ?><?cs if:i.n <= 24 ?><?cs if:i.n > 1 ?>,<?cs /if ?><?cs var:i.id ?><?cs /if ?><?cs /each ?>"><?cs var:Lang.archive.labels ?></a><?cs /if ?></p>
<section class="print-section" id="catalogue">
<table class="list compact">
  <thead><tr><th><?cs var:Lang.archive.f.n ?></th><th><?cs var:Lang.archive.f.no ?></th><th><?cs var:Lang.archive.f.author ?></th><th><?cs var:Lang.archive.f.title ?></th><th><?cs var:Lang.archive.f.doc_date ?></th><th><?cs var:Lang.archive.f.pages ?></th><th><?cs var:Lang.archive.f.secrecy ?></th><th><?cs var:Lang.archive.f.remarks ?></th></tr></thead>
  <tbody><?cs each:i = Items ?><tr><td><?cs var:i.n ?></td><td><?cs var:i.no ?></td><td><?cs var:i.author ?></td><td><?cs var:i.title ?></td><td class="nowrap"><?cs var:i.doc_date ?></td><td><?cs var:i.pages ?></td><td><?cs var:Lang.archive.secrecy[i.secrecy] ?></td><td><?cs var:i.remarks ?></td></tr><?cs /each ?></tbody>
</table>
</section>
<section class="print-section" id="reference-sheet" style="break-before: page">
<h2><?cs var:Lang.archive.reference_sheet ?></h2>
<p><?cs var:Lang.archive.ref_items ?>: <?cs var:Volume.items ?>　<?cs var:Lang.archive.ref_pages ?>: <?cs var:Volume.pages ?></p>
<p><?cs var:Lang.archive.ref_notes ?> ________________________________________________</p>
<p><?cs var:Lang.archive.ref_made_by ?> <?cs var:Volume.printed_by ?>　<?cs var:Lang.archive.ref_checked_by ?> ____________　<?cs var:Lang.archive.ref_date ?> <?cs var:Volume.printed_on ?></p>
</section>
</article>
<?cs include!"footer.cs" ?>
