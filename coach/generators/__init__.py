"""The four generators: agendas, discussion prompts, feedback rewording, session summaries."""
