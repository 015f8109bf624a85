<?cs include!"header.cs" ?>
<section class="error-page">
  <p class="status"><?cs var:Page.status ?></p>
  <h1><?cs var:Page.error_title ?></h1>
  <p><?cs var:Page.error_text ?></p>
  <p><a href="/"><?cs var:Lang.error.home ?></a><?cs if:!User.signed_in ?> · <a href="/login"><?cs var:Lang.login.title ?></a><?cs /if ?></p>
</section>
<?cs include!"footer.cs" ?>
