<?cs include!"header.cs" ?>
<section class="card narrow">
  <h1><?cs var:Lang.login.title ?></h1>
  <?cs if:Form.errors.login ?><div class="alert" role="alert" id="login-error"><?cs var:Form.errors.login ?></div><?cs /if ?>
  <form method="post" action="/login">
    <?cs call:csrf() ?>
    <input type="hidden" name="next" value="<?cs var:Form.values.next ?>">
    <?cs call:text_field("username", Lang.login.username, "text", "autocomplete=username autofocus required maxlength=64") ?>
    <?cs call:text_field("password", Lang.login.password, "password", "autocomplete=current-password required") ?>
    <button type="submit" class="primary"><?cs var:Lang.login.submit ?></button>
  </form>
  <p class="hint"><?cs var:Lang.login.hint ?></p>
</section>
<?cs include!"footer.cs" ?>
