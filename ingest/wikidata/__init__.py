"""Wikidata as diplokg's living dictionary: `kb update` refreshes the knowledge base from a SPARQL endpoint
(update.py), `link` links entities of a built graph that have no Wikidata id (linker.py). Offline unless
asked: nothing here runs unless a command is given an endpoint to ask."""
