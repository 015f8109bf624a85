<?cs include!"header.cs" ?>
<?cs set:Page.tab = "periods" ?><?cs include!"archive/tabs.cs" ?>
<h1><?cs var:Lang.archive.periods ?> <small><?cs var:Period.start ?> – <?cs var:Lang.archive.period_kind[Period.kind] ?></small></h1>
<p class="hint"><?cs var:Lang.archive.periods_hint ?></p>
<form method="get" action="/archive/periods" class="filters">
  <label><?cs var:Lang.archive.period ?> <select name="start"><?cs each:p = Periods ?><option value="<?cs var:p.start ?>"<?cs if:p.start == Period.start ?> selected<?cs /if ?>><?cs var:p.start ?> · <?cs var:Lang.archive.period_kind[p.kind] ?> (<?cs var:p.filing_year ?>)</option><?cs /each ?></select></label>
  <button type="submit"><?cs var:Lang.archive.show ?></button>
</form>
<table class="list" id="periods">
  <thead><tr><th><?cs var:Lang.archive.f.dept ?></th><th><?cs var:Lang.archive.period_filed ?></th><th><?cs var:Lang.archive.period_placed ?></th><th><?cs var:Lang.archive.period_waiting ?></th><th><?cs var:Lang.archive.period_missing ?> (<?cs var:Period.filing_year ?>)</th></tr></thead>
  <tbody><?cs each:d = Depts ?><tr><td><a href="/archive/periods?start=<?cs var:url_escape(Period.start) ?>&amp;dept=<?cs var:d.id ?>"><?cs var:d.name ?></a></td><td><?cs var:d.filed ?></td><td><?cs var:d.placed ?></td><td><?cs var:d.waiting ?></td><td><?cs var:d.missing ?></td></tr><?cs /each ?></tbody>
</table>
<?cs include!"footer.cs" ?>
