<?cs include!"header.cs" ?>
<h1><?cs var:Lang.home.welcome ?> <?cs var:User.name ?></h1>
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
      <?cs if:User.roles.admin ?>
      <li><a href="/admin/users"><?cs var:Lang.home.task_users ?></a></li>
      <li><a href="/admin/departments"><?cs var:Lang.home.task_departments ?></a></li>
      <li><a href="/admin/audit"><?cs var:Lang.home.task_audit ?></a></li>
      <?cs /if ?>
      <?cs if:User.roles.gm || User.roles.deputy_gm || User.roles.director ?><li><?cs var:Lang.home.task_company ?></li><?cs /if ?>
      <?cs if:User.roles.dept_manager ?><li><?cs var:Lang.home.task_manager ?></li><?cs /if ?>
      <?cs if:User.roles.archivist ?><li><?cs var:Lang.home.task_archivist ?></li><?cs /if ?>
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
