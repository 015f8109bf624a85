</main>
<footer class="bottom"><?cs var:Lang.app.footer ?></footer>
</body>
</html>
