# The coach image for compose.yaml. NOT built here (no Docker engine on the machine it was
# written on). The CPU build of torch is pinned first, as in scripts/setup.
FROM python:3.11-slim
WORKDIR /app
RUN pip install --no-cache-dir "torch==2.13.0" --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md ./
COPY coach coach
COPY api api
COPY evals evals
COPY prompts prompts
COPY knowledge knowledge
# Editable: coach finds prompts/ and knowledge/ next to its package (PROJECT_ROOT).
RUN pip install --no-cache-dir -e .
ENV COACH_KNOWLEDGE_DIRS='["/app/knowledge"]'
EXPOSE 8000
CMD ["coach", "serve", "--host", "0.0.0.0", "--port", "8000"]
