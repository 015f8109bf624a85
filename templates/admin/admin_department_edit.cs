<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/admin/departments"><?cs var:Lang.admin.depts.title ?></a></p>
<section class="card">
  <h1><?cs var:Subject.name ?></h1>
  <form method="post" action="/admin/departments/<?cs var:Subject.id ?>">
    <?cs call:csrf() ?>
    <input type="hidden" name="version" value="<?cs var:Form.values.version ?>">
    <?cs include!"admin/part_department_fields.cs" ?>
    <label class="check"><input type="checkbox" name="disabled" value="1"<?cs if:Form.values.disabled == "1" ?> checked<?cs /if ?>> <?cs var:Lang.admin.depts.disable ?></label>
    <button type="submit" class="primary"><?cs var:Lang.admin.save ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
