<?cs include!"header.cs" ?>
<div class="page-head report-head">
  <h1><?cs var:Report.title ?></h1>
  <div class="screen-only"><a class="button" href="/reports"><?cs var:Lang.report.index ?></a>
    <a class="button" id="export-csv" href="/reports/<?cs var:Report.name ?>.csv?<?cs var:Filter.query ?>"><?cs var:Lang.report.csv ?></a>
    <a class="button" id="export-xlsx" href="/reports/<?cs var:Report.name ?>.xlsx?<?cs var:Filter.query ?>"><?cs var:Lang.report.xlsx ?></a></div>
</div>
<p class="hint"><?cs var:Report.hint ?></p>
<nav class="tabs report-periods" aria-label="<?cs var:Lang.report.period ?>">
  <?cs each:p = Lang.report.periods ?><a href="/reports/<?cs var:Report.name ?>?period=<?cs name:p ?><?cs if:Filter.dept > 0 ?>&amp;dept=<?cs var:Filter.dept ?><?cs /if ?>"<?cs if:Filter.period == name(p) ?> aria-current="page"<?cs /if ?>><?cs var:p ?></a>
  <?cs /each ?>
</nav>
<form method="get" action="/reports/<?cs var:Report.name ?>" class="filters report-filters">
  <div class="field">
    <label for="f-dept"><?cs var:Lang.report.dept ?></label>
    <select id="f-dept" name="dept">
      <?cs if:Filter.all_allowed ?><option value=""><?cs var:Lang.report.all_depts ?></option><?cs /if ?>
      <?cs each:d = Depts ?><option value="<?cs var:d.id ?>"<?cs if:d.id == Filter.dept ?> selected<?cs /if ?>><?cs var:d.name ?></option><?cs /each ?>
    </select>
  </div>
  <div class="field"><label for="f-from"><?cs var:Lang.report.from ?></label><input type="date" id="f-from" name="from" value="<?cs var:Filter.from ?>" required></div>
  <div class="field"><label for="f-to"><?cs var:Lang.report.to ?></label><input type="date" id="f-to" name="to" value="<?cs var:Filter.to ?>" required></div>
  <button type="submit"><?cs var:Lang.report.apply ?></button>
  <p class="hint"><?cs var:Lang.report.period_hint ?></p>
</form>
<p class="report-filter-print"><?cs var:Lang.report.period ?>: <?cs var:Filter.from ?> – <?cs var:Filter.to ?></p>
<?cs each:s = Sections ?>
<section class="card report-section" id="sec-<?cs var:s.key ?>">
  <h2><?cs var:s.title ?></h2>
  <?cs if:s.more ?><p class="hint rows-limit"><?cs var:s.more ?></p><?cs /if ?>
  <p class="as-of"><?cs if:s.rollup ?><?cs var:Lang.report.as_of_rollup ?><?cs else ?><?cs var:Lang.report.as_of ?><?cs /if ?> <?cs var:s.as_of ?></p>
  <?cs if:subcount(s.rows) ?>
  <div class="report-body">
  <?cs # s.chart is SVG from reports/chart.c, which escapes every text it writes (xml_escape; unit test and test_reports_escape_names_in_tables_and_charts) ?>
  <?cs if:s.chart ?><figure class="chart"><?cs escape:"none" ?><?cs var:s.chart ?><?cs /escape ?></figure><?cs /if ?>
  <table class="list compact report-table">
    <thead><tr><?cs each:c = s.cols ?><th<?cs if:c.num ?> class="num"<?cs /if ?>><?cs var:c.label ?></th><?cs /each ?></tr></thead>
    <tbody><?cs each:row = s.rows ?><tr><?cs each:cell = row ?><td<?cs if:s.cols[name(cell)].num ?> class="num"<?cs /if ?>><?cs if:cell.href ?><a href="<?cs var:cell.href ?>"><?cs var:cell.v ?></a><?cs else ?><?cs var:cell.v ?><?cs /if ?></td><?cs /each ?></tr><?cs /each ?></tbody>
    <?cs if:subcount(s.totals) ?><tfoot><tr class="totals"><?cs each:t = s.totals ?><th<?cs if:s.cols[name(t)].num ?> class="num"<?cs /if ?>><?cs var:t ?></th><?cs /each ?></tr></tfoot><?cs /if ?>
  </table>
  </div>
  <?cs else ?><p class="empty"><?cs var:Lang.report.none ?></p><?cs /if ?>
</section>
<?cs /each ?>
<?cs include!"footer.cs" ?>
