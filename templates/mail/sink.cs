<?cs include!"header.cs" ?>
<?cs include!"mail/part_tabs.cs" ?>
<h1><?cs var:Lang.mail.sink.title ?></h1>
<?cs if:!Sink.dir ?><p class="empty" id="sink-off"><?cs var:Lang.mail.sink.off ?></p>
<?cs else ?>
<p class="hint"><?cs var:Lang.mail.sink.hint ?> <code><?cs var:Sink.dir ?></code> (<?cs var:Sink.count ?>)</p>
<?cs each:m = Sink.mails ?>
<article class="card sink-mail">
  <h2><?cs var:m.subject ?></h2>
  <dl><dt><?cs var:Lang.mail.sink.from ?></dt><dd><?cs var:m.from ?></dd><dt><?cs var:Lang.mail.sink.to ?></dt><dd><?cs var:m.to ?></dd><dt><?cs var:Lang.mail.sink.date ?></dt><dd><?cs var:m.date ?></dd></dl>
  <details open><summary><?cs var:Lang.mail.sink.text ?></summary><pre><?cs var:m.text ?></pre></details>
  <?cs if:m.html ?><details><summary><?cs var:Lang.mail.sink.html ?></summary><iframe sandbox="" srcdoc="<?cs var:m.html ?>" title="<?cs var:m.subject ?>" style="width: 100%; height: 24em; border: 1px solid #ccc;"></iframe></details><?cs /if ?>
</article>
<?cs /each ?>
<?cs if:!subcount(Sink.mails) ?><p class="empty"><?cs var:Lang.mail.sink.none ?></p><?cs /if ?>
<?cs /if ?>
<?cs include!"footer.cs" ?>
