"""The official outputs as plain Python: a filing laid out as its printed form (layout), written
as HTML (print formats, the bound PDF), Word and Excel, and the bound filing's PDF mechanics."""
