"""The LLM boundary: one provider interface, a registry, structured output with re-asks."""
