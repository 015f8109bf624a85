<?cs include!"header.cs" ?>
<h1><?cs var:Lang.mail.prefs.title ?></h1>
<p class="hint"><?cs var:Lang.mail.prefs.hint ?></p>
<section class="card narrow-wide">
  <form method="post" action="/me/notifications">
    <?cs call:csrf() ?>
    <fieldset>
      <legend><?cs var:Lang.mail.prefs.channels ?></legend>
      <label><input type="checkbox" name="by_mail" value="1"<?cs if:Form.values.by_mail == "1" ?> checked<?cs /if ?>> <?cs var:Lang.mail.prefs.by_mail ?> <?cs if:Prefs.email ?>(<?cs var:Prefs.email ?>)<?cs else ?>(<?cs var:Lang.mail.prefs.no_email ?>)<?cs /if ?></label>
      <?cs call:error_for("by_mail") ?>
      <label><input type="checkbox" name="by_chat" value="1"<?cs if:Form.values.by_chat == "1" ?> checked<?cs /if ?>> <?cs var:Lang.mail.prefs.by_chat ?></label>
    </fieldset>
    <fieldset>
      <legend><?cs var:Lang.mail.prefs.digest_legend ?></legend>
      <label><input type="checkbox" name="digest" value="1"<?cs if:Form.values.digest == "1" ?> checked<?cs /if ?>> <?cs var:Lang.mail.prefs.digest ?></label>
      <?cs each:o = Optouts ?><label><input type="checkbox" name="<?cs var:o.field ?>" value="1"<?cs if:o.on == "1" ?> checked<?cs /if ?>> <?cs var:o.label ?></label>
      <?cs /each ?><p class="hint"><?cs var:Lang.mail.prefs.escalations ?></p>
    </fieldset>
    <fieldset>
      <legend><?cs var:Lang.mail.prefs.robot ?></legend>
      <p class="hint"><?cs var:Lang.mail.prefs.robot_hint ?></p>
      <label for="robot_kind"><?cs var:Lang.mail.robot.kind ?></label>
      <select id="robot_kind" name="robot_kind">
        <option value=""<?cs if:!Form.values.robot_kind ?> selected<?cs /if ?>><?cs var:Lang.mail.robot.none ?></option>
        <?cs each:k = Lang.mail.robot.kinds ?><option value="<?cs name:k ?>"<?cs if:Form.values.robot_kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
      </select>
      <?cs call:text_field("robot_key", Lang.mail.robot.key, "text", "maxlength=500 autocomplete=off") ?>
      <?cs if:Prefs.has_key == "1" ?><p class="hint"><?cs var:Lang.mail.robot.key_set ?></p><?cs /if ?>
      <?cs call:text_field("robot_secret", Lang.mail.robot.secret, "password", "maxlength=200 autocomplete=off") ?>
      <?cs if:Prefs.has_secret == "1" ?><p class="hint"><?cs var:Lang.mail.robot.secret_set ?></p><?cs /if ?>
      <label><input type="checkbox" name="clear_robot" value="1"> <?cs var:Lang.mail.robot.remove ?></label>
    </fieldset>
    <button type="submit" class="primary"><?cs var:Lang.mail.save ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
