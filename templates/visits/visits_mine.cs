<?cs include!"header.cs" ?>
<nav class="tabs" aria-label="<?cs var:Lang.nav.agenda ?>">
  <a href="/agenda"><?cs var:Lang.visit.agenda ?></a>
  <a href="/visits" aria-current="page"><?cs var:Lang.visit.mine ?></a>
</nav>
<h1><?cs var:Lang.visit.mine ?></h1>
<section class="card narrow-wide">
  <h2><?cs var:Lang.visit.new ?></h2>
  <form method="post" action="/visits/find">
    <?cs call:csrf() ?>
    <?cs call:chooser_field("client", Lang.visit.which_client, Lang.client.referrer_placeholder, Lang.client.referrer_candidates) ?>
    <button type="submit" class="primary"><?cs var:Lang.visit.next_step ?></button>
  </form>
</section>
<?cs set:Page.with_client = 1 ?>
<?cs if:subcount(Visits) ?><?cs include!"visits/part_visits_table.cs" ?><?cs else ?><p class="empty"><?cs var:Lang.visit.none_mine ?></p><?cs /if ?>
<?cs if:Page.first || Page.next_before ?><nav class="pager"><?cs if:Page.first ?><a href="/visits"><?cs var:Lang.visit.newest ?></a><?cs /if ?> <?cs if:Page.next_before ?><a rel="next" href="/visits?before=<?cs var:Page.next_before ?>"><?cs var:Lang.visit.older ?></a><?cs /if ?></nav><?cs /if ?>
<?cs include!"footer.cs" ?>
