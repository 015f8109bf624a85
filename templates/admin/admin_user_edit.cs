<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/admin/users"><?cs var:Lang.admin.users.title ?></a></p>
<div class="grid two">
<section class="card">
  <h1><?cs var:Subject.display_name ?> <small>(<?cs var:Subject.username ?>)</small></h1>
  <form method="post" action="/admin/users/<?cs var:Subject.id ?>">
    <?cs call:csrf() ?>
    <input type="hidden" name="version" value="<?cs var:Form.values.version ?>">
    <?cs include!"admin/part_user_fields.cs" ?>
    <label class="check"><input type="checkbox" name="disabled" value="1"<?cs if:Form.values.disabled == "1" ?> checked<?cs /if ?>> <?cs var:Lang.admin.users.disable ?></label>
    <p class="hint"><?cs var:Lang.admin.users.disable_hint ?></p>
    <button type="submit" class="primary"><?cs var:Lang.admin.save ?></button>
  </form>
</section>
<section class="card">
  <h2><?cs var:Lang.admin.users.reset_title ?></h2>
  <form method="post" action="/admin/users/<?cs var:Subject.id ?>/reset-password">
    <?cs call:csrf() ?>
    <?cs call:text_field("new_password", Lang.admin.users.temporary_password, "password", "autocomplete=new-password required") ?>
    <p class="hint"><?cs var:Lang.admin.users.reset_hint ?></p>
    <button type="submit"><?cs var:Lang.admin.users.reset ?></button>
  </form>
  <p><a href="/admin/audit?actor=<?cs var:url_escape(Subject.username) ?>"><?cs var:Lang.admin.users.their_activity ?></a></p>
</section>
<section class="card" id="handover">
  <h2><?cs var:Lang.admin.users.handover_title ?></h2>
  <p class="hint"><?cs var:Lang.admin.users.handover_hint ?></p>
  <form method="post" action="/admin/users/<?cs var:Subject.id ?>/handover">
    <?cs call:csrf() ?>
    <?cs call:person_field("to", Lang.admin.users.handover_to) ?>
    <?cs call:text_field("handover_reason", Lang.request.reason, "text", "maxlength=500 required") ?>
    <button type="submit"><?cs var:Lang.admin.users.handover ?></button>
  </form>
</section>
</div>
<?cs include!"footer.cs" ?>
