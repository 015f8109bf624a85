<?cs include!"header.cs" ?>
<h1><?cs var:Lang.home.welcome ?> <?cs var:User.name ?></h1>
<?cs if:Home.backup.warn ?>
<section class="card warn" id="backup-warning">
  <h2><?cs var:Lang.backup.title ?></h2>
  <p><strong><?cs var:Home.backup.text ?></strong></p>
  <p><a href="/admin/backups"><?cs var:Lang.backup.home_link ?></a></p>
</section>
<?cs /if ?>
<?cs if:subcount(Home.dropping) ?>
<section class="card warn" id="dropping">
  <h2><?cs var:Lang.pool.dropping_title ?></h2>
  <p class="hint"><?cs var:Lang.pool.dropping_hint ?></p>
  <ul><?cs each:d = Home.dropping ?><li><a href="/clients/<?cs var:d.id ?>#progress"><?cs var:d.name ?></a> — <?cs var:Lang.pool.drops_on ?> <strong><?cs var:d.drops_on ?></strong></li><?cs /each ?></ul>
</section>
<?cs /if ?>
<?cs if:Dashboard.on ?>
<section id="dashboard" aria-labelledby="dashboard-title">
  <h2 id="dashboard-title"><?cs var:Lang.home.dashboard ?></h2>
  <div class="grid dash"><?cs each:g = Dashboard.groups ?><?cs call:dashboard_group(g) ?><?cs /each ?></div>
</section>
<?cs /if ?>
<div class="grid">
  <section class="card">
    <h2><?cs var:Lang.home.account ?></h2>
    <dl class="facts">
      <dt><?cs var:Lang.home.username ?></dt><dd><?cs var:User.username ?></dd>
      <dt><?cs var:Lang.home.department ?></dt><dd><?cs var:User.dept ?></dd>
      <dt><?cs var:Lang.home.roles ?></dt>
      <dd><ul class="tags"><?cs each:r = User.roles ?><li><?cs var:Lang.role[name(r)] ?></li><?cs /each ?></ul></dd>
    </dl>
  </section>
  <section class="card">
    <h2><?cs var:Lang.home.tasks ?></h2>
    <ul class="tasks">
      <li><a href="/clients"><?cs var:Lang.home.task_clients ?></a></li>
      <li><a href="/clients/pool"><?cs var:Lang.pool.title ?></a></li>
      <li><a href="/requests/inbox"><?cs var:Lang.nav.requests ?></a><?cs if:Nav.inbox_count > 0 ?> <span class="count"><?cs var:Nav.inbox_count ?></span><?cs /if ?></li>
      <?cs if:User.roles.admin ?>
      <li><a href="/admin/users"><?cs var:Lang.home.task_users ?></a></li>
      <li><a href="/admin/departments"><?cs var:Lang.home.task_departments ?></a></li>
      <li><a href="/admin/audit"><?cs var:Lang.home.task_audit ?></a></li>
      <li><a href="/admin/backups"><?cs var:Lang.backup.title ?></a></li>
      <?cs /if ?>
      <?cs if:User.roles.gm || User.roles.deputy_gm || User.roles.director ?><li><?cs var:Lang.home.task_company ?></li><?cs /if ?>
      <?cs if:User.roles.dept_manager ?><li><?cs var:Lang.home.task_manager ?></li><?cs /if ?>
      <?cs if:User.roles.dept_manager || User.roles.director || User.roles.gm || User.roles.deputy_gm ?><li><a href="/reviews"><?cs var:Lang.review.title ?></a></li><?cs /if ?>
      <?cs if:User.roles.archivist ?><li><?cs var:Lang.home.task_archivist ?></li><?cs /if ?><?cs if:User.roles.auditor ?><li><a href="/admin/views"><?cs var:Lang.home.task_auditor ?></a></li><?cs /if ?>
      <?cs if:User.roles.staff ?><li><?cs var:Lang.home.task_staff ?></li><?cs /if ?>
      <li><a href="/password"><?cs var:Lang.home.task_password ?></a></li>
    </ul>
  </section>
  <section class="card">
    <h2><?cs var:Lang.home.activity ?></h2>
    <?cs if:subcount(Home.activity) ?>
    <table class="list compact">
      <thead><tr><th><?cs var:Lang.home.when ?></th><th><?cs var:Lang.home.what ?></th><th><?cs var:Lang.home.from ?></th></tr></thead>
      <tbody><?cs each:a = Home.activity ?><tr><td><?cs var:a.at ?></td><td><?cs var:Lang.audit_action[a.action] ?></td><td><?cs var:a.addr ?></td></tr><?cs /each ?></tbody>
    </table>
    <?cs else ?><p class="empty"><?cs var:Lang.home.no_activity ?></p><?cs /if ?>
  </section>
</div>
<?cs include!"footer.cs" ?>
