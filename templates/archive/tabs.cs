<nav class="tabs screen-only" aria-label="<?cs var:Lang.nav.archive_desk ?>">
  <?cs if:User.roles.archivist ?><a href="/archive/desk"<?cs if:Page.tab == "desk" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.archive.desk ?></a>
  <a href="/archive/placing"<?cs if:Page.tab == "placing" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.archive.placing ?></a><?cs /if ?>
  <a href="/archive/out"<?cs if:Page.tab == "out" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.archive.out ?></a>
  <a href="/archive/overdue"<?cs if:Page.tab == "overdue" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.archive.overdue ?></a>
  <?cs if:User.roles.archivist ?><a href="/archive/periods"<?cs if:Page.tab == "periods" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.archive.periods ?></a>
  <a href="/archive/register"<?cs if:Page.tab == "register" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.archive.register ?></a>
  <a href="/archive/retention"<?cs if:Page.tab == "retention" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.archive.retention ?></a><?cs /if ?>
  <?cs if:User.roles.archivist || User.roles.director || User.roles.gm ?><a href="/archive/destruction"<?cs if:Page.tab == "destruction" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.archive.destruction_register ?></a><?cs /if ?>
</nav>
