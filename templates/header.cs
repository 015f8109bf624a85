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
    <a href="/"<?cs if:Page.path == "/" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.nav.home ?></a>
    <a href="/clients"<?cs if:string.slice(Page.path, 0, 8) == "/clients" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.nav.clients ?></a>
    <a href="/blacklist"<?cs if:Page.path == "/blacklist" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.nav.blacklist ?></a>
    <a href="/requests/inbox"<?cs if:string.slice(Page.path, 0, 9) == "/requests" || Page.path == "/delegations" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.nav.requests ?><?cs if:Nav.inbox_count > 0 ?> <span class="count" id="inbox-count"><?cs var:Nav.inbox_count ?></span><?cs /if ?></a>
    <?cs if:Can.admin ?>
    <a href="/admin/users"<?cs if:string.slice(Page.path, 0, 12) == "/admin/users" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.nav.users ?></a>
    <a href="/admin/departments"<?cs if:string.slice(Page.path, 0, 18) == "/admin/departments" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.nav.departments ?></a>
    <a href="/admin/classes"<?cs if:string.slice(Page.path, 0, 14) == "/admin/classes" || Page.path == "/admin/grades" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.nav.classes ?></a>
    <a href="/admin/routes"<?cs if:Page.path == "/admin/routes" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.nav.routes ?></a>
    <a href="/admin/audit"<?cs if:Page.path == "/admin/audit" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.nav.audit ?></a>
    <?cs /if ?>
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
