<?cs include!"macros.cs" ?><!DOCTYPE html>
<html lang="<?cs var:Page.html_lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Page.title ?> · <?cs var:Lang.app.name ?></title>
<link rel="stylesheet" href="/static/css/dossier.css">
</head>
<body>
<header class="top">
  <a class="brand" href="/"><?cs var:Lang.app.name ?></a>
  <?cs if:User.signed_in ?>
  <nav class="main" aria-label="<?cs var:Lang.nav.label ?>">
    <?cs each:n = Nav.items ?><a href="<?cs var:n.href ?>"<?cs if:n.current ?> aria-current="page"<?cs /if ?>><?cs var:n.label ?><?cs if:n.count > 0 ?> <span class="count" id="<?cs var:n.count_id ?>"><?cs var:n.count ?></span><?cs /if ?></a>
    <?cs /each ?>
  </nav>
  <div class="who">
    <span id="signed-in-user"><?cs var:User.name ?></span>
    <span class="dept"><?cs var:User.dept ?></span>
    <a href="/password"><?cs var:Lang.nav.password ?></a>
    <form method="post" action="/logout" class="inline"><?cs call:csrf() ?><button type="submit" class="link"><?cs var:Lang.nav.logout ?></button></form>
  </div>
  <?cs /if ?>
  <form method="post" action="/lang" class="lang inline">
    <?cs call:csrf() ?><input type="hidden" name="next" value="<?cs var:Page.path ?>">
    <button type="submit" name="lang" value="zh_CN" class="link"<?cs if:Page.lang == "zh_CN" ?> aria-pressed="true"<?cs /if ?>>中文</button>
    <button type="submit" name="lang" value="en" class="link"<?cs if:Page.lang == "en" ?> aria-pressed="true"<?cs /if ?>>English</button>
  </form>
</header>
<main>
<?cs if:Page.flash ?><div class="flash" role="status"><?cs var:Page.flash ?></div><?cs /if ?>
<?cs if:Page.error_message ?><div class="alert" role="alert"><?cs var:Page.error_message ?></div><?cs /if ?>
<?cs if:Form.invalid ?><div class="alert" role="alert"><?cs var:Lang.form.fix_below ?></div><?cs /if ?>
