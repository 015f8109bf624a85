<?cs include!"header.cs" ?>
<article class="print-card">
<?cs # a table whose head the browser repeats at the top of every printed page ?>
<table class="print-frame">
<thead class="print-running"><tr><td><?cs var:Card.name ?> · <?cs var:Card.code ?></td></tr><tr><td class="gap"></td></tr></thead>
<tbody><tr><td>
<p class="print-title"><?cs var:Lang.client.print_title ?> · <?cs var:Lang.client.opt.card_type[Fields.0.value] ?></p>
<?cs include!"clients/part_card_head.cs" ?>
<p class="screen-only"><a class="button" href="/clients/<?cs var:Card.id ?>"><?cs var:Lang.client.back_to_card ?></a> <?cs var:Lang.client.print_hint ?></p>
<?cs each:s = Lang.client.print_sections ?>
<section class="print-section"><h2><?cs var:s.title ?></h2><?cs call:card_section(s.n, 1) ?>
<?cs if:s.n == 6 ?><p><?cs var:Lang.client.product_lines ?>: <?cs each:p = ProductLines ?><?cs var:p ?>　<?cs /each ?></p><?cs /if ?>
</section>
<?cs if:s.n == 1 ?>
<section class="print-section"><h2><?cs var:Lang.client.section.s2 ?></h2>
<table class="list compact"><thead><tr><th><?cs var:Lang.client.pf.name ?></th><th><?cs var:Lang.client.pf.title ?></th><th><?cs var:Lang.client.pf.phone ?></th><th><?cs var:Lang.client.pf.mobile ?></th><th><?cs var:Lang.client.pf.email ?></th><th><?cs var:Lang.client.pf.purchase_role ?></th></tr></thead>
<tbody><?cs each:p = Persons ?><tr><td><?cs var:p.name ?></td><td><?cs var:p.title ?></td><td><?cs var:p.phone ?></td><td><?cs var:p.mobile ?></td><td><?cs var:p.email ?></td><td><?cs var:p.purchase_role ?></td></tr><?cs /each ?></tbody></table>
</section>
<?cs /if ?>
<?cs /each ?>
<?cs call:panels() ?>
<section class="print-section signatures">
  <p><?cs var:Lang.client.print_filled_by ?> ____________　<?cs var:Lang.client.print_checked_by ?> ____________　<?cs var:Lang.client.print_date ?> ____________</p>
</section>
</td></tr></tbody>
</table>
</article>
<?cs include!"footer.cs" ?>
