"""Short news-like texts shared by the tests that send work to other processes (Dask, Spark)."""

NEWS = [
    "Central Bank Raises Rates\n\nThe central bank raised interest rates on Monday, officials said. "
    "Analysts had expected the move. Markets may fall further, some traders warned.",
    "Stocks fell in Tokyo. Bonds rose. The yen was flat against the dollar.",
    "Café owners in Zürich said prices rose 5% — again. Customers complained.",
]
