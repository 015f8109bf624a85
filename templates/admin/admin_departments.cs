<?cs include!"header.cs" ?>
<h1><?cs var:Lang.admin.depts.title ?></h1>
<div class="grid two">
<section class="card">
  <table class="list tree">
    <thead><tr><th><?cs var:Lang.admin.depts.name ?></th><th><?cs var:Lang.admin.depts.code ?></th><th><?cs var:Lang.admin.depts.kind ?></th><th class="num"><?cs var:Lang.admin.depts.users ?></th></tr></thead>
    <tbody>
    <?cs each:d = Depts ?>
      <tr<?cs if:d.disabled == "1" ?> class="disabled"<?cs /if ?>>
        <td class="depth-<?cs var:d.depth ?>"><a href="/admin/departments/<?cs var:d.id ?>"><?cs var:d.name ?></a><?cs if:d.disabled == "1" ?> <span class="tag"><?cs var:Lang.admin.depts.disabled ?></span><?cs /if ?></td>
        <td><?cs var:d.code ?></td>
        <td><?cs var:Lang.admin.depts["kind_" + d.kind] ?></td>
        <td class="num"><a href="/admin/users?dept=<?cs var:d.id ?>"><?cs var:d.users ?></a></td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
</section>
<section class="card">
  <h2><?cs var:Lang.admin.depts.new ?></h2>
  <form method="post" action="/admin/departments">
    <?cs call:csrf() ?>
    <?cs include!"admin/part_department_fields.cs" ?>
    <button type="submit" class="primary"><?cs var:Lang.admin.save ?></button>
  </form>
</section>
</div>
<?cs include!"footer.cs" ?>
