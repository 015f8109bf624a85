<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/admin/classes"><?cs var:Lang.classes.title ?></a></p>
<h1><?cs var:Lang.classes.grades_title ?></h1>
<p class="hint"><?cs var:Lang.classes.grades_hint ?></p>
<table class="list">
  <thead><tr><th><?cs var:Lang.classes.code ?></th><th><?cs var:Lang.classes.name_zh ?></th><th><?cs var:Lang.classes.name_en ?></th><th><?cs var:Lang.classes.quota ?></th><th><?cs var:Lang.classes.visit_days ?></th><th></th></tr></thead>
  <tbody>
  <?cs each:g = Grades ?>
  <tr>
    <td><?cs var:g.code ?></td>
    <td colspan="5">
      <form method="post" action="/admin/grades/<?cs var:g.id ?>" class="filters">
        <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:g.version ?>">
        <?cs if:Page.grade_id == g.id ?>
        <input type="text" name="name_zh" value="<?cs var:Form.values.name_zh ?>" maxlength="50" aria-label="<?cs var:Lang.classes.name_zh ?>">
        <input type="text" name="name_en" value="<?cs var:Form.values.name_en ?>" maxlength="50" aria-label="<?cs var:Lang.classes.name_en ?>">
        <input type="text" name="quota_pct" value="<?cs var:Form.values.quota_pct ?>" size="6" aria-label="<?cs var:Lang.classes.quota ?>">
        <input type="text" name="visit_days" value="<?cs var:Form.values.visit_days ?>" size="4" aria-label="<?cs var:Lang.classes.visit_days ?>">
        <?cs call:error_for("name_zh") ?><?cs call:error_for("name_en") ?><?cs call:error_for("quota_pct") ?><?cs call:error_for("visit_days") ?>
        <?cs else ?>
        <input type="text" name="name_zh" value="<?cs var:g.name_zh ?>" maxlength="50" aria-label="<?cs var:Lang.classes.name_zh ?>">
        <input type="text" name="name_en" value="<?cs var:g.name_en ?>" maxlength="50" aria-label="<?cs var:Lang.classes.name_en ?>">
        <input type="text" name="quota_pct" value="<?cs var:g.quota_pct ?>" size="6" aria-label="<?cs var:Lang.classes.quota ?>">
        <input type="text" name="visit_days" value="<?cs var:g.visit_days ?>" size="4" aria-label="<?cs var:Lang.classes.visit_days ?>">
        <?cs /if ?>
        <button type="submit"><?cs var:Lang.admin.save ?></button>
      </form>
    </td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs include!"footer.cs" ?>
