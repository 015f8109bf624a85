<?cs include!"header.cs" ?>
<?cs include!"archive/tabs.cs" ?>
<h1><?cs var:Lang.archive.register ?></h1>
<form method="get" action="/archive/register" class="filters">
  <label><?cs var:Lang.archive.from ?> <input type="date" name="from" value="<?cs var:Filter.from ?>"></label>
  <label><?cs var:Lang.archive.to ?> <input type="date" name="to" value="<?cs var:Filter.to ?>"></label>
  <label><?cs var:Lang.archive.f.no ?> <input type="text" name="no" value="<?cs var:Filter.no ?>" maxlength="64"></label>
  <?cs call:person_field("borrower", Lang.archive.f.borrower) ?>
  <button type="submit"><?cs var:Lang.archive.filter ?></button>
</form>
<?cs if:subcount(Loans) ?><?cs include!"archive/part_loans.cs" ?><?cs else ?><p class="empty"><?cs var:Lang.archive.register_empty ?></p><?cs /if ?>
<?cs if:Page.next_before ?><nav class="pager"><a rel="next" href="/archive/register?from=<?cs var:url_escape(Filter.from) ?>&amp;to=<?cs var:url_escape(Filter.to) ?>&amp;no=<?cs var:url_escape(Filter.no) ?>&amp;borrower=<?cs var:url_escape(Form.values.borrower) ?>&amp;borrower_q=<?cs var:url_escape(Form.values.borrower_q) ?>&amp;before=<?cs var:Page.next_before ?>"><?cs var:Lang.request.next_page ?></a></nav><?cs /if ?>
<?cs include!"footer.cs" ?>
