<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a> › <a href="/clients/<?cs var:Card.id ?>"><?cs var:Card.name ?></a></p>
<h1><?cs var:Lang.archive.submit ?> <small><?cs var:Card.name ?></small></h1>
<p class="hint"><?cs var:Lang.archive.submit_hint ?></p>
<section class="card narrow-wide">
  <form method="post" action="/clients/<?cs var:Card.id ?>/archive">
    <?cs call:csrf() ?>
    <?cs call:text_field("title", Lang.archive.f.title, "text", "maxlength=200 required") ?>
    <div class="grid two">
      <div class="field<?cs if:Form.errors.type_id ?> invalid<?cs /if ?>">
        <label for="f-type_id"><?cs var:Lang.archive.f.type ?></label>
        <select id="f-type_id" name="type_id"><?cs each:t = Types ?><option value="<?cs var:t.id ?>"<?cs if:Form.values.type_id == t.id ?> selected<?cs /if ?>><?cs var:t.name ?> (<?cs var:t.code ?>)</option><?cs /each ?></select>
        <?cs call:error_for("type_id") ?>
      </div>
      <?cs call:text_field("doc_date", Lang.archive.f.doc_date, "date", "required") ?>
      <?cs call:text_field("author", Lang.archive.f.author, "text", "maxlength=100") ?>
      <?cs call:text_field("pages", Lang.archive.f.pages, "number", "min=1 required") ?>
      <?cs call:text_field("copies", Lang.archive.f.copies, "number", "min=1 required") ?>
      <div class="field<?cs if:Form.errors.secrecy ?> invalid<?cs /if ?>">
        <label for="f-secrecy"><?cs var:Lang.archive.f.secrecy ?></label>
        <select id="f-secrecy" name="secrecy"><?cs each:s = Lang.archive.secrecy ?><option value="<?cs name:s ?>"<?cs if:Form.values.secrecy == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?></select>
        <?cs call:error_for("secrecy") ?>
      </div>
      <div class="field<?cs if:Form.errors.retention ?> invalid<?cs /if ?>">
        <label for="f-retention"><?cs var:Lang.archive.f.retention ?></label>
        <select id="f-retention" name="retention"><?cs each:s = Lang.archive.retention ?><option value="<?cs var:s.v ?>"<?cs if:Form.values.retention == s.v ?> selected<?cs /if ?>><?cs var:s.label ?></option><?cs /each ?></select>
        <?cs call:error_for("retention") ?>
      </div>
      <div class="field<?cs if:Form.errors.medium ?> invalid<?cs /if ?>">
        <label for="f-medium"><?cs var:Lang.archive.f.medium ?></label>
        <select id="f-medium" name="medium"><?cs each:s = Lang.archive.medium ?><option value="<?cs name:s ?>"<?cs if:Form.values.medium == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?></select>
        <?cs call:error_for("medium") ?>
      </div>
      <?cs call:text_field("other_no", Lang.archive.f.other_no, "text", "maxlength=64") ?>
      <?cs call:text_field("other_location", Lang.archive.f.other_location, "text", "maxlength=200") ?>
    </div>
    <?cs call:text_field("remarks", Lang.archive.f.remarks, "text", "maxlength=500") ?>
    <button type="submit" class="primary"><?cs var:Lang.archive.submit_button ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
