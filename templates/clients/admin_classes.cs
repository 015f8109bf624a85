<?cs include!"header.cs" ?>
<h1><?cs var:Lang.classes.title ?></h1>
<nav class="tabs">
  <?cs each:k = Kinds ?><a href="/admin/classes?kind=<?cs var:k.name ?>"<?cs if:Filter.kind == k.name ?> aria-current="page"<?cs /if ?>><?cs var:k.label ?></a><?cs /each ?>
  <a href="/admin/grades"><?cs var:Lang.classes.grades_title ?></a>
</nav>
<div class="grid two">
<section class="card">
  <table class="list">
    <thead><tr><th><?cs var:Lang.classes.code ?></th><th><?cs var:Lang.classes.name_zh ?></th><th><?cs var:Lang.classes.name_en ?></th><th class="num"><?cs var:Lang.classes.sort ?></th></tr></thead>
    <tbody><?cs each:i = Items ?>
      <tr<?cs if:i.disabled == "1" ?> class="disabled"<?cs /if ?>>
        <td<?cs if:i.parent_id ?> class="depth-1"<?cs /if ?>><a href="/admin/classes/<?cs var:i.id ?>"><?cs var:i.code ?></a></td>
        <td><?cs var:i.name_zh ?><?cs if:i.disabled == "1" ?> <span class="tag"><?cs var:Lang.admin.depts.disabled ?></span><?cs /if ?></td><td><?cs var:i.name_en ?></td><td class="num"><?cs var:i.sort ?></td>
      </tr><?cs /each ?></tbody>
  </table>
</section>
<section class="card">
  <h2><?cs var:Lang.classes.new ?></h2>
  <form method="post" action="/admin/classes">
    <?cs call:csrf() ?><input type="hidden" name="kind" value="<?cs var:Filter.kind ?>">
    <?cs call:text_field("code", Lang.classes.code, "text", "required maxlength=32") ?>
    <?cs call:text_field("name_zh", Lang.classes.name_zh, "text", "required maxlength=100") ?>
    <?cs call:text_field("name_en", Lang.classes.name_en, "text", "required maxlength=100") ?>
    <div class="field<?cs if:Form.errors.parent_id ?> invalid<?cs /if ?>"><label for="f-parent_id"><?cs var:Lang.classes.parent ?></label>
      <select id="f-parent_id" name="parent_id"><option value="">—</option><?cs each:i = Items ?><?cs if:!i.parent_id ?><option value="<?cs var:i.id ?>"<?cs if:Form.values.parent_id == i.id ?> selected<?cs /if ?>><?cs var:i.name_zh ?> / <?cs var:i.name_en ?></option><?cs /if ?><?cs /each ?></select>
      <?cs call:error_for("parent_id") ?></div>
    <?cs call:text_field("sort", Lang.classes.sort, "text", "maxlength=7 inputmode=numeric") ?>
    <button type="submit" class="primary"><?cs var:Lang.admin.save ?></button>
  </form>
</section>
</div>
<?cs include!"footer.cs" ?>
