<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/admin/classes?kind=<?cs var:Subject.kind ?>"><?cs var:Lang.classes.title ?> · <?cs var:Lang.classes.kind[Subject.kind] ?></a></p>
<section class="card narrow-wide">
  <h1><?cs var:Subject.name_zh ?> / <?cs var:Subject.name_en ?></h1>
  <form method="post" action="/admin/classes/<?cs var:Subject.id ?>">
    <?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:Subject.version ?>">
    <?cs call:text_field("code", Lang.classes.code, "text", "required maxlength=32") ?>
    <?cs call:text_field("name_zh", Lang.classes.name_zh, "text", "required maxlength=100") ?>
    <?cs call:text_field("name_en", Lang.classes.name_en, "text", "required maxlength=100") ?>
    <div class="field<?cs if:Form.errors.parent_id ?> invalid<?cs /if ?>"><label for="f-parent_id"><?cs var:Lang.classes.parent ?></label>
      <select id="f-parent_id" name="parent_id"><option value="">—</option><?cs each:i = Parents ?><option value="<?cs var:i.id ?>"<?cs if:Form.values.parent_id == i.id ?> selected<?cs /if ?>><?cs var:i.name_zh ?> / <?cs var:i.name_en ?></option><?cs /each ?></select>
      <?cs call:error_for("parent_id") ?></div>
    <?cs call:text_field("sort", Lang.classes.sort, "text", "maxlength=7 inputmode=numeric") ?>
    <label class="check"><input type="checkbox" name="disabled" value="1"<?cs if:Form.values.disabled == "1" ?> checked<?cs /if ?>> <?cs var:Lang.classes.disable ?></label>
    <p><button type="submit" class="primary"><?cs var:Lang.admin.save ?></button></p>
  </form>
</section>
<?cs include!"footer.cs" ?>
