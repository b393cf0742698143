from lzplan.entry import main

main()
