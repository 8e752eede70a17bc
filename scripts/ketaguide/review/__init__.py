"""Who checked each page, and whether that check still matches the text readers see."""
