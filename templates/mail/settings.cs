<?cs include!"header.cs" ?>
<?cs include!"mail/part_tabs.cs" ?>
<h1><?cs var:Lang.mail.settings.title ?></h1>
<p class="hint"><?cs var:Lang.mail.settings.hint ?></p>
<table class="list">
  <tbody>
    <?cs each:s = Settings ?><tr><th><code><?cs name:s ?></code></th><td><?cs var:s ?></td></tr>
    <?cs /each ?>
  </tbody>
</table>
<section class="card narrow-wide">
  <h2><?cs var:Lang.mail.test.title ?></h2>
  <?cs if:Test.sent ?><div class="flash" role="status" id="test-sent"><?cs var:Lang.mail.test.sent ?> <?cs var:Test.sent ?></div><?cs /if ?>
  <?cs if:Test.error ?><div class="alert" role="alert" id="test-error"><?cs var:Lang.mail.test.failed ?> <?cs var:Test.error ?></div><?cs /if ?>
  <form method="post" action="/admin/mail/test">
    <?cs call:csrf() ?>
    <?cs call:text_field("to", Lang.mail.test.to, "email", "maxlength=190 required") ?>
    <button type="submit" class="primary"><?cs var:Lang.mail.test.send ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
