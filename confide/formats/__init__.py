"""Date formats for every page (settings.FORMAT_MODULE_PATH): the day, an abbreviated month name and the year,
"12 Jan 2026", which no reader takes for 1 December. Django's own short formats are numeric (m/d/Y in English,
d/m/Y in Spanish) and read differently on either side of the Atlantic. Files and the API carry ISO 8601."""
