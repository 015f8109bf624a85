<?cs include!"header.cs" ?>
<section class="card narrow">
  <h1><?cs var:Lang.password.title ?></h1>
  <?cs if:Page.must_change ?><div class="alert" role="alert" id="must-change"><?cs var:Lang.password.must_change ?></div><?cs /if ?>
  <form method="post" action="/password">
    <?cs call:csrf() ?>
    <?cs call:text_field("current_password", Lang.password.current, "password", "autocomplete=current-password required") ?>
    <?cs call:text_field("new_password", Lang.password.new, "password", "autocomplete=new-password required") ?>
    <?cs call:text_field("new_password2", Lang.password.repeat, "password", "autocomplete=new-password required") ?>
    <p class="hint"><?cs var:Lang.password.rules ?></p>
    <button type="submit" class="primary"><?cs var:Lang.password.submit ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
