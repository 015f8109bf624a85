<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a></p>
<?cs include!"clients/part_card_head.cs" ?>
<nav class="actions">
  <?cs if:Can.edit ?><a class="button primary" href="/clients/<?cs var:Card.id ?>/edit"><?cs var:Lang.client.edit ?></a>
  <a class="button" href="/clients/<?cs var:Card.id ?>/persons/new"><?cs var:Lang.client.add_person ?></a><?cs /if ?>
  <a class="button" href="/clients/<?cs var:Card.id ?>/print"><?cs var:Lang.client.print ?></a>
  <a class="button" href="/clients/<?cs var:Card.id ?>/history"><?cs var:Lang.client.history ?></a>
  <?cs if:Can.view_log ?><a class="button" href="/clients/<?cs var:Card.id ?>/views"><?cs var:Lang.views.link ?></a><?cs /if ?>
  <span class="via"><?cs var:Lang.client.seen_as ?> <?cs var:Card.via ?><?cs if:Card.grant_until ?> <span id="grant-until">(<?cs var:Lang.client.grant_until ?> <?cs var:Card.grant_until ?>)</span><?cs /if ?></span>
</nav>
<?cs if:Card.in_pool ?>
<p><a class="button primary" href="/clients/<?cs var:Card.id ?>/request?kind=takeover"><?cs var:Lang.request.kind.takeover ?></a></p>
<?cs /if ?>
<?cs if:Can.edit && Card.protected_until ?>
<section class="card" id="progress">
  <h2><?cs var:Lang.pool.progress_title ?></h2>
  <p class="hint" id="protection-rule"><?cs var:Lang.pool.rule_until ?> <strong><?cs var:Card.protected_until ?></strong>. <?cs var:Card.progress_rule ?></p>
  <?cs if:Card.drops_soon ?><p class="alert"><?cs var:Lang.pool.drops_soon ?> <?cs var:Card.drops_on ?></p><?cs /if ?>
  <form method="post" action="/clients/<?cs var:Card.id ?>/progress" class="inline-form">
    <?cs call:csrf() ?>
    <label for="f-note" class="sr"><?cs var:Lang.pool.progress_note ?></label>
    <input id="f-note" name="note" type="text" maxlength="500" required placeholder="<?cs var:Lang.pool.progress_placeholder ?>" size="60">
    <label class="check"><input type="checkbox" name="intent" value="1"> <?cs var:Lang.pool.intent ?></label>
    <button type="submit"><?cs var:Lang.pool.progress_save ?></button>
  </form>
</section>
<?cs /if ?>
<?cs if:Can.edit ?>
<details class="card requests-menu">
  <summary><?cs var:Lang.request.ask_change ?></summary>
  <ul class="links">
  <?cs each:k = Lang.request.kind ?><?cs if:name(k) != "view" && name(k) != "transfer" && name(k) != "takeover" ?>
    <li><a href="/clients/<?cs var:Card.id ?>/request?kind=<?cs name:k ?>"><?cs var:k ?></a></li>
  <?cs /if ?><?cs /each ?>
  </ul>
</details>
<?cs /if ?>
<div class="grid two">
  <section class="card"><h2><?cs var:Lang.client.section.s1 ?></h2><?cs call:card_section(1, 0) ?><?cs if:!Sections.s1 ?><p class="empty"><?cs var:Lang.client.not_filled ?></p><?cs /if ?></section>
  <section class="card"><h2><?cs var:Lang.client.section.s6 ?></h2><?cs call:card_section(6, 0) ?>
    <?cs if:subcount(ProductLines) ?><p><?cs var:Lang.client.product_lines ?>: <?cs each:p = ProductLines ?><span class="tag"><?cs var:p ?></span> <?cs /each ?></p><?cs /if ?>
    <?cs call:card_section(7, 0) ?></section>
</div>
<section class="card">
  <h2><?cs var:Lang.client.section.s2 ?></h2>
  <?cs if:subcount(Persons) ?>
  <table class="list persons">
    <thead><tr><th><?cs var:Lang.client.pf.name ?></th><th><?cs var:Lang.client.pf.title ?></th><th><?cs var:Lang.client.pf.phone ?></th><th><?cs var:Lang.client.pf.mobile ?></th><th><?cs var:Lang.client.pf.email ?></th><th><?cs var:Lang.client.pf.purchase_role ?></th><?cs if:Can.notes ?><th><?cs var:Lang.client.pf.personal_notes ?></th><?cs /if ?><?cs if:Can.edit ?><th></th><?cs /if ?></tr></thead>
    <tbody><?cs each:p = Persons ?><tr><td><?cs var:p.name ?></td><td><?cs var:p.title ?></td><td><?cs var:p.phone ?></td><td><?cs var:p.mobile ?></td><td><?cs var:p.email ?></td><td><?cs var:p.purchase_role ?></td><?cs if:Can.notes ?><td class="longtext"><?cs var:p.personal_notes ?></td><?cs /if ?><?cs if:Can.edit ?><td class="nowrap"><a href="/clients/<?cs var:Card.id ?>/persons/<?cs var:p.id ?>"><?cs var:Lang.client.edit ?></a></td><?cs /if ?></tr><?cs /each ?></tbody>
  </table>
  <?cs else ?><p class="empty"><?cs var:Lang.client.no_persons ?></p><?cs /if ?>
</section>
<div class="grid three">
  <section class="card"><h2><?cs var:Lang.client.section.s3 ?></h2><?cs call:card_section(3, 0) ?><?cs if:!Sections.s3 ?><p class="empty"><?cs var:Lang.client.not_filled ?></p><?cs /if ?></section>
  <section class="card"><h2><?cs var:Lang.client.section.s4 ?></h2><?cs call:card_section(4, 0) ?><?cs if:!Sections.s4 ?><p class="empty"><?cs var:Lang.client.not_filled ?></p><?cs /if ?></section>
  <section class="card"><h2><?cs var:Lang.client.section.s5 ?></h2><?cs call:card_section(5, 0) ?><?cs if:!Sections.s5 ?><p class="empty"><?cs var:Lang.client.not_filled ?></p><?cs /if ?></section>
</div>
<?cs call:panels() ?>
<section class="card">
  <h2><?cs var:Lang.client.latest_history ?></h2>
  <?cs include!"clients/part_history.cs" ?>
  <?cs if:Page.more_history ?><p><a href="/clients/<?cs var:Card.id ?>/history"><?cs var:Lang.client.all_history ?></a></p><?cs /if ?>
</section>
<?cs include!"footer.cs" ?>
