<?cs var:Lang.mail.loan_overdue.subject ?> <?cs var:Mail.no ?>

<?cs if:Mail.secret ?><?cs var:Lang.mail.loan_overdue.secret ?>
<?cs /if ?><?cs var:Lang.mail.loan_overdue.body ?>

<?cs var:Lang.mail.loan.no ?>: <?cs var:Mail.no ?>
<?cs var:Lang.mail.loan.title ?>: <?cs var:Mail.title ?>
<?cs var:Lang.mail.loan.borrower ?>: <?cs var:Mail.borrower ?>
<?cs var:Lang.mail.loan.out ?>: <?cs var:Mail.out ?>
<?cs var:Lang.mail.loan.due ?>: <?cs var:Mail.due ?>

<?cs var:Mail.base_url ?><?cs var:Mail.link ?>
