from lzplan.cli import main

main()
