<?cs include!"header.cs" ?>
<?cs set:Page.tab = "desk" ?><?cs include!"archive/tabs.cs" ?>
<h1><?cs var:Lang.archive.desk ?></h1>
<form method="get" action="/archive/desk" class="card scan" id="scan">
  <label for="f-no"><?cs var:Lang.archive.scan ?></label>
  <input id="f-no" name="no" type="text" maxlength="64" autofocus autocomplete="off" required>
  <button type="submit"><?cs var:Lang.archive.scan_button ?></button>
</form>
<?cs if:Item.id ?>
<section class="card" id="desk-item">
  <h2><a href="/archive/items/<?cs var:Item.id ?>"><?cs var:Item.no ?></a> <small><?cs var:Item.title ?></small></h2>
  <p><?cs var:Item.client ?> · <span class="secrecy-<?cs var:Item.secrecy ?>"><?cs var:Lang.archive.secrecy[Item.secrecy] ?></span> · <span id="desk-status"><?cs var:Lang.archive.status[Item.status] ?></span> · <?cs alt:Item.place ?>—<?cs /alt ?></p>
  <?cs if:Loan.id ?>
  <h3><?cs var:Lang.archive.open_line ?></h3>
  <p id="open-line"><?cs var:Loan.borrower ?> · <?cs var:Loan.out_at ?> → <?cs var:Loan.due_at ?><?cs if:Loan.late ?> <span class="tag late"><?cs var:Lang.archive.late ?></span><?cs /if ?> · <?cs var:Loan.reason ?></p>
  <form method="post" action="/archive/desk/return" id="return-form"><?cs call:csrf() ?>
    <input type="hidden" name="loan" value="<?cs var:Loan.id ?>"><input type="hidden" name="no" value="<?cs var:Item.no ?>">
    <?cs each:c = Lang.archive.condition ?><button type="submit" name="condition" value="<?cs name:c ?>"<?cs if:name(c) == "lost" ?> class="danger"<?cs /if ?>><?cs var:Lang.archive.return_as ?> <?cs var:c ?></button> <?cs /each ?>
  </form>
  <?cs elif:Item.status == "on_shelf" ?>
  <h3><?cs var:Lang.archive.authorised ?></h3>
  <?cs if:subcount(Auths) ?>
  <table class="list compact" id="auths">
    <thead><tr><th><?cs var:Lang.archive.f.borrower ?></th><th><?cs var:Lang.archive.f.via ?></th><th><?cs var:Lang.archive.f.reason ?></th><th><?cs var:Lang.archive.f.due_at ?></th><th></th></tr></thead>
    <tbody><?cs each:a = Auths ?><tr><td><?cs var:a.user ?></td><td><?cs var:Lang.archive.via[a.via] ?><?cs if:a.request_id ?> <a href="/requests/<?cs var:a.request_id ?>">#<?cs var:a.request_id ?></a><?cs /if ?></td><td><?cs var:a.reason ?></td><td class="nowrap"><?cs var:a.due ?><?cs if:a.mode == "reading" ?> <span class="tag"><?cs var:Lang.archive.reading_room ?></span><?cs /if ?></td>
    <td><form method="post" action="/archive/desk/checkout" class="inline"><?cs call:csrf() ?><input type="hidden" name="auth" value="<?cs var:a.id ?>"><input type="hidden" name="no" value="<?cs var:Item.no ?>">
      <label><?cs var:Lang.archive.f.copies ?> <input type="number" name="copies" value="1" min="1" max="100" class="short"></label>
      <button type="submit" class="primary"><?cs if:a.mode == "reading" ?><?cs var:Lang.archive.start_reading ?><?cs else ?><?cs var:Lang.archive.check_out_to ?><?cs /if ?> <?cs var:a.user ?></button></form></td></tr><?cs /each ?></tbody>
  </table>
  <?cs else ?><p class="empty"><?cs var:Lang.archive.nobody_authorised ?></p><?cs /if ?>
  <?cs else ?><p class="empty"><?cs var:Lang.archive.not_on_shelf ?></p><?cs /if ?>
</section>
<?cs /if ?>
<?cs include!"footer.cs" ?>
