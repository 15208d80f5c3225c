"""Every write on reports, one module per topic; views, API endpoints, commands and jobs call these and
nothing else writes report rows. Reads are in confide.reports.selectors."""
