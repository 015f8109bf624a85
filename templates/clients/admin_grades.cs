<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/admin/classes"><?cs var:Lang.classes.title ?></a></p>
<h1><?cs var:Lang.classes.grades_title ?></h1>
<p class="hint"><?cs var:Lang.classes.grades_hint ?></p>
<table class="list grades">
  <thead><tr><th><?cs var:Lang.classes.code ?></th><th><?cs var:Lang.classes.name_zh ?></th><th><?cs var:Lang.classes.name_en ?></th><th><?cs var:Lang.classes.quota ?></th><th><?cs var:Lang.classes.visit_days ?></th><th></th></tr></thead>
  <tbody>
  <?cs each:g = Grades ?>
  <tr>
    <td><?cs var:g.code ?></td>
    <td><input type="text" form="grade-<?cs var:g.id ?>" name="name_zh" value="<?cs if:Page.grade_id == g.id ?><?cs var:Form.values.name_zh ?><?cs else ?><?cs var:g.name_zh ?><?cs /if ?>" maxlength="50" aria-label="<?cs var:Lang.classes.name_zh ?>"><?cs if:Page.grade_id == g.id ?><?cs call:error_for("name_zh") ?><?cs /if ?></td>
    <td><input type="text" form="grade-<?cs var:g.id ?>" name="name_en" value="<?cs if:Page.grade_id == g.id ?><?cs var:Form.values.name_en ?><?cs else ?><?cs var:g.name_en ?><?cs /if ?>" maxlength="50" aria-label="<?cs var:Lang.classes.name_en ?>"><?cs if:Page.grade_id == g.id ?><?cs call:error_for("name_en") ?><?cs /if ?></td>
    <td><input type="text" form="grade-<?cs var:g.id ?>" name="quota_pct" value="<?cs if:Page.grade_id == g.id ?><?cs var:Form.values.quota_pct ?><?cs else ?><?cs var:g.quota_pct ?><?cs /if ?>" size="6" aria-label="<?cs var:Lang.classes.quota ?>"><?cs if:Page.grade_id == g.id ?><?cs call:error_for("quota_pct") ?><?cs /if ?></td>
    <td><input type="text" form="grade-<?cs var:g.id ?>" name="visit_days" value="<?cs if:Page.grade_id == g.id ?><?cs var:Form.values.visit_days ?><?cs else ?><?cs var:g.visit_days ?><?cs /if ?>" size="4" aria-label="<?cs var:Lang.classes.visit_days ?>"><?cs if:Page.grade_id == g.id ?><?cs call:error_for("visit_days") ?><?cs /if ?></td>
    <td class="nowrap">
      <form method="post" action="/admin/grades/<?cs var:g.id ?>" id="grade-<?cs var:g.id ?>">
        <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:g.version ?>">
        <button type="submit"><?cs var:Lang.admin.save ?></button>
      </form>
    </td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs include!"footer.cs" ?>
